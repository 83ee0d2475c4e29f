using FaultLab.Telemetry;
using Polly;

namespace FaultLab.Pipeline;

/// <summary>Compiles a validated profile into one Polly pipeline, one chaos strategy per fault, in profile order.</summary>
internal static class FaultPipelineFactory
{
    public static ResiliencePipeline<HttpResponseMessage> Create(FaultInjectionOptions profile, string clientName,
        TimeProvider timeProvider, FaultTelemetry telemetry, Func<bool>? isEnabled = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            Name = $"FaultLab.{clientName}",
            TimeProvider = timeProvider,
        };
        AddFaults(builder, profile, clientName, timeProvider, telemetry, isEnabled);
        return builder.Build();
    }

    public static void AddFaults(ResiliencePipelineBuilder<HttpResponseMessage> builder, FaultInjectionOptions profile,
        string clientName, TimeProvider timeProvider, FaultTelemetry telemetry, Func<bool>? isEnabled = null)
    {
        DateTimeOffset start = timeProvider.GetUtcNow();
        Func<bool> enabled = isEnabled ?? (() => profile.Enabled);
        for (int i = 0; i < profile.Faults.Count; i++)
        {
            var fault = profile.Faults[i];
            fault.AddTo(builder, new FaultContext(fault, i, profile, clientName, timeProvider, telemetry, start, enabled));
        }
    }
}
