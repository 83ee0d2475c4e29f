using FaultLab.Telemetry;
using Polly;

namespace FaultLab.Pipeline;

/// <summary>Compiles a validated profile into one Polly pipeline, one chaos strategy per fault, in profile order.</summary>
internal static class FaultPipelineFactory
{
    public static FaultPipeline Create(FaultInjectionOptions profile, string clientName,
        TimeProvider timeProvider, FaultTelemetry telemetry, Func<bool>? isEnabled = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            Name = $"FaultLab.{clientName}",
            TimeProvider = timeProvider,
        };
        var faults = AddFaults(builder, profile, clientName, timeProvider, telemetry, isEnabled);
        return new FaultPipeline(builder.Build(), faults);
    }

    public static IReadOnlyList<FaultContext> AddFaults(ResiliencePipelineBuilder<HttpResponseMessage> builder, FaultInjectionOptions profile,
        string clientName, TimeProvider timeProvider, FaultTelemetry telemetry, Func<bool>? isEnabled = null)
    {
        DateTimeOffset start = timeProvider.GetUtcNow();
        Func<bool> enabled = isEnabled ?? (() => profile.Enabled);
        var contexts = new List<FaultContext>(profile.Faults.Count);
        for (int i = 0; i < profile.Faults.Count; i++)
        {
            var fault = profile.Faults[i];
            var context = new FaultContext(fault, i, profile, clientName, timeProvider, telemetry, start, enabled);
            fault.AddTo(builder, context);
            contexts.Add(context);
        }

        return contexts;
    }
}
