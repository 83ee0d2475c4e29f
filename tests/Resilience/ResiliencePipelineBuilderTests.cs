using System.Net;
using FaultLab.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Polly;
using Polly.Retry;

namespace FaultLab.Tests;

/// <summary>The third door: faults added to a Polly pipeline built by hand, below the caller's own strategies.</summary>
public sealed class ResiliencePipelineBuilderTests
{
    [Fact]
    public async Task Faults_compose_into_a_hand_built_Polly_pipeline_below_its_retry()
    {
        var clock = Clock.New();
        int attempts = 0;
        int retries = 0;
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 5,
                Delay = TimeSpan.Zero,
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Result?.StatusCode == HttpStatusCode.ServiceUnavailable),
                OnRetry = _ =>
                {
                    retries++;
                    return default;
                },
            })
            .AddFaultInjection(f => f.WithSeed(14).AddStatus(HttpStatusCode.ServiceUnavailable, 0.5))
            .Build();

        using var response = await pipeline.ExecuteAsync(_ =>
        {
            attempts++;
            return new ValueTask<HttpResponseMessage>(new HttpResponseMessage(HttpStatusCode.OK));
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Faults answered instead of the callback until one attempt passed through: seed 14 injects the first three.
        Assert.Equal(1, attempts);
        Assert.Equal(3, retries);
    }

    [Fact]
    public async Task A_hand_built_pipeline_waits_on_the_builders_clock()
    {
        var clock = Clock.New();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddFaultInjection(f => f.AddLatency(TimeSpan.FromMinutes(10)))
            .Build();

        var pending = pipeline.ExecuteAsync(_ => new ValueTask<HttpResponseMessage>(new HttpResponseMessage(HttpStatusCode.OK))).AsTask();
        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(1));
        Assert.False(pending.IsCompleted, "the delay runs on the builder's fake clock, not on real time");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Production", false, HttpStatusCode.OK, 1)]
    [InlineData("production", false, HttpStatusCode.OK, 1)]
    [InlineData("Production", true, HttpStatusCode.ServiceUnavailable, 0)]
    [InlineData("Development", false, HttpStatusCode.ServiceUnavailable, 0)]
    [InlineData(null, false, HttpStatusCode.ServiceUnavailable, 0)]
    public async Task In_Production_a_hand_built_pipeline_gets_no_faults_and_says_why_when_it_is_built(
        string? environment, bool allow, HttpStatusCode expected, int refusals)
    {
        var logs = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(l => l.AddProvider(new FakeLoggerProvider(logs)));
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();

        var returned = FaultInjection.AddFaultInjection(builder, f =>
            {
                f.AddStatus(HttpStatusCode.ServiceUnavailable);
                if (allow)
                {
                    f.AllowInProduction();
                }
            },
            loggers, meterFactory: null, clientName: "hand-built", environment);
        // A pipeline has no first request to wait for: the refusal is explained as it is built.
        var explained = logs.GetSnapshot();
        using var response = await builder.Build().ExecuteAsync(_ => new ValueTask<HttpResponseMessage>(new HttpResponseMessage(HttpStatusCode.OK)));

        Assert.Same(builder, returned);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(refusals, explained.Count);
        Assert.All(explained, r => Assert.StartsWith("FaultLab fault injection is configured for client 'hand-built' but refused", r.Message, StringComparison.Ordinal));
    }
}
