using System.ClientModel;
using System.ClientModel.Primitives;
using FaultLab.Testing;
using OpenAI;
using OpenAI.Chat;
using Stripe;
using Xunit.Abstractions;

namespace FaultLab.Tests.Verdicts.Sdk;

/// <summary>
/// The real OpenAI and Stripe.net SDKs, built around the handler the matrix provides and talking to a local Kestrel
/// stand-in of their APIs. Their retry delays run on their own (real) timers, so these matrices run on real time, with
/// short variants; what is asserted is attempts and verdicts, never a duration.
/// </summary>
public sealed class SdkVerdictTests(ITestOutputHelper output)
{
    private static readonly string[] Rows = ["503 once", "reset before headers", "429 from a rate limit"];

    [Fact]
    public async Task OpenAI_retries_at_once_and_resends_a_chat_completion_POST_after_a_reset_without_an_Idempotency_Key()
    {
        await using var api = await SdkApi.StartAsync();
        var matrix = ResilienceMatrix.ForHandler(
                (handler, _) => new ChatClient("gpt-4o-mini", new ApiKeyCredential("sk-test"), new OpenAIClientOptions
                {
                    Endpoint = new Uri(api.BaseAddress, "/v1"),
                    Transport = new HttpClientPipelineTransport(new HttpClient(handler)),
                }),
                (chat, ct) => chat.CompleteChatAsync([new UserChatMessage("ping")], cancellationToken: ct))
            .WithUnsafeCall<ChatClient>((chat, ct) => chat.CompleteChatAsync([new UserChatMessage("ping")], cancellationToken: ct))
            .WithDependency(SdkApi.Handler)
            .OnRealTime()
            .Only(Rows);
        matrix.Limit = TimeSpan.FromSeconds(3);
        matrix.BackoffRuns = 3;

        var result = await matrix.RunAsync();
        output.WriteLine(result.ToTable());

        Assert.Equal([MatrixOutcome.Survived, MatrixOutcome.Survived, MatrixOutcome.Survived], result.Rows.Select(r => r.Outcome));
        Assert.Equal([2, 2, 2], result.Rows.Select(r => r.Attempts));
        Assert.Equal(VerdictOutcome.Pass, result[ConformanceRule.RespectsRetryAfter].Outcome);       // it does wait a 429's Retry-After
        var unsafeRetry = result[ConformanceRule.NoUnsafeRetry];
        Assert.Equal(VerdictOutcome.Fail, unsafeRetry.Outcome);
        Assert.Contains(unsafeRetry.Evidence, e => e.StartsWith("[POST, reset before headers] attempt 1 (POST /v1/chat/completions) at +0.000 s: ConnectionLost (HttpRequestException) may have reached the server; attempt 2 (POST /v1/chat/completions)", StringComparison.Ordinal)
            && e.EndsWith("resent it without an Idempotency-Key", StringComparison.Ordinal));
        var backoff = result[ConformanceRule.BackoffWithJitter];
        Assert.Equal(VerdictOutcome.Fail, backoff.Outcome);
        Assert.Equal("no backoff: every retry came within 0.100 s of the failure it followed", backoff.Summary);
        Assert.All(backoff.Evidence, e => Assert.Matches(@"^run \d: retried after 0\.\d{3} s, 0\.\d{3} s, 0\.\d{3} s$", e)); // 4 attempts
    }

    [Fact]
    public async Task Stripe_never_retries_a_429_but_resends_a_POST_with_the_same_Idempotency_Key_after_jittered_delays()
    {
        await using var api = await SdkApi.StartAsync();
        var matrix = ResilienceMatrix.ForHandler(
                (handler, _) => new StripeClient("sk_test_faultlab", httpClient: new SystemNetHttpClient(new HttpClient(handler), maxNetworkRetries: 2),
                    apiBase: api.BaseAddress.ToString().TrimEnd('/')),
                (stripe, ct) => new CustomerService(stripe).GetAsync("cus_1", cancellationToken: ct))
            .WithUnsafeCall<StripeClient>((stripe, ct) => new CustomerService(stripe).CreateAsync(new CustomerCreateOptions { Email = "a@example.test" }, cancellationToken: ct))
            .WithDependency(SdkApi.Handler)
            .OnRealTime()
            .Only(Rows);
        matrix.Limit = TimeSpan.FromSeconds(3);
        matrix.BackoffRuns = 3;

        var result = await matrix.RunAsync();
        output.WriteLine(result.ToTable());
        foreach (var v in result.Verdicts)
        {
            output.WriteLine(v.ToString());
        }

        Assert.Equal([MatrixOutcome.Survived, MatrixOutcome.Survived, MatrixOutcome.Failed], result.Rows.Select(r => r.Outcome));
        Assert.Equal("StripeException", result["429 from a rate limit"].Final);
        Assert.Equal(1, result["429 from a rate limit"].Attempts);                                    // a 429 is not retried at all
        var unsafeRetry = result[ConformanceRule.NoUnsafeRetry];
        Assert.Equal(VerdictOutcome.Pass, unsafeRetry.Outcome);
        Assert.Contains(unsafeRetry.Evidence, e => e.StartsWith("[POST, reset before headers] attempt 1 (POST /v1/customers) at +0.000 s: ConnectionLost (HttpRequestException); resent as attempt 2 with the same Idempotency-Key: ", StringComparison.Ordinal));
        var backoff = result[ConformanceRule.BackoffWithJitter];
        Assert.Equal(VerdictOutcome.Pass, backoff.Outcome);
        Assert.Equal("delays grow and differ between 3 runs", backoff.Summary);
    }
}
