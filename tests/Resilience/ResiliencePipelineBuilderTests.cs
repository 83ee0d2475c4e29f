using System.Net;
using FaultLab.Tests.Support;
using Polly;
using Polly.Retry;

namespace FaultLab.Tests;

public sealed class ResiliencePipelineBuilderTests
{
    [Fact]
    public async Task Faults_compose_into_a_hand_built_Polly_pipeline_below_its_retry()
    {
        var clock = Clock.New();
        int attempts = 0;
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 5,
                Delay = TimeSpan.Zero,
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Result?.StatusCode == HttpStatusCode.ServiceUnavailable),
            })
            .AddFaultInjection(f => f.WithSeed(3).AddStatus(HttpStatusCode.ServiceUnavailable, 0.5))
            .Build();

        using var response = await pipeline.ExecuteAsync(_ =>
        {
            attempts++;
            return new ValueTask<HttpResponseMessage>(new HttpResponseMessage(HttpStatusCode.OK));
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, attempts); // faults answered instead of the callback until one attempt passed through
    }
}
