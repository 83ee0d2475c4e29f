using FaultLab.Decision;
using FaultLab.Realization;
using FaultLab.Selection;
using FaultLab.Telemetry;
using Polly;

namespace FaultLab.Pipeline;

/// <summary>Compiles a validated profile into one Polly pipeline: per fault, in profile order, its selection and its
/// realization joined by one <see cref="FaultStrategy"/>.</summary>
internal static class FaultPipelineFactory
{
    public static FaultPipeline Create(FaultInjectionOptions profile, string clientName,
        TimeProvider timeProvider, FaultTelemetry telemetry)
    {
        // Stryker disable once Initializer,String : the fault pipeline configures no Polly telemetry, so its name is shown nowhere, and no
        // strategy in it reads Polly's clock (each realization holds the injected one); both are set for a strategy that would
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            Name = $"FaultLab.{clientName}",
            TimeProvider = timeProvider,
        };
        var faults = AddFaults(builder, profile, clientName, timeProvider, telemetry);
        return new FaultPipeline(builder.Build(), faults);
    }

    public static IReadOnlyList<FaultSelector> AddFaults(ResiliencePipelineBuilder<HttpResponseMessage> builder, FaultInjectionOptions profile,
        string clientName, TimeProvider timeProvider, FaultTelemetry telemetry)
    {
        DateTimeOffset start = timeProvider.GetUtcNow();
        Func<bool> enabled = () => profile.Enabled;
        var selectors = new List<FaultSelector>(profile.Faults.Count);
        for (int i = 0; i < profile.Faults.Count; i++)
        {
            var fault = profile.Faults[i];
            var selector = new FaultSelector(fault, SeededRandom.Create(profile.Seed, i), timeProvider, start, enabled);
            var report = new InjectionReport(telemetry, clientName, fault.Kind, fault.DisplayName);
            FaultRealization realization = fault.Realize(new RealizationContext(timeProvider, start, selector.Random, report));
            builder.AddStrategy(_ => new FaultStrategy(realization, selector.Apply(new FaultStrategyOptions())), new FaultStrategyOptions());
            selectors.Add(selector);
        }

        return selectors;
    }
}
