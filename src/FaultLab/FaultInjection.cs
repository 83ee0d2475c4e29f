using System.Diagnostics.Metrics;
using FaultLab.Pipeline;
using FaultLab.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace FaultLab;

/// <summary>Fault injection without dependency injection: a handler to put above any primary handler, or strategies
/// for a Polly pipeline built by hand.</summary>
public static class FaultInjection
{
    /// <summary>Builds a fault-injecting handler. Put it directly above the primary handler (innermost).</summary>
    /// <param name="configure">Adds faults and sets the seed.</param>
    /// <param name="innerHandler">The primary handler; a new <see cref="SocketsHttpHandler"/> when omitted.</param>
    /// <param name="timeProvider">The clock for delays, schedules and limits; the system clock when omitted.</param>
    /// <param name="loggerFactory">Where injected faults are logged.</param>
    /// <param name="clientName">The client name reported in telemetry.</param>
    /// <returns>The handler.</returns>
    /// <exception cref="ArgumentException">The profile is invalid; the message lists every problem.</exception>
    public static DelegatingHandler CreateHandler(Action<FaultInjectionBuilder> configure, HttpMessageHandler? innerHandler = null,
        TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, string clientName = "default") =>
        CreateHandler(configure, innerHandler, timeProvider, loggerFactory, clientName, ProductionRule.ProcessEnvironmentName());

    internal static DelegatingHandler CreateHandler(Action<FaultInjectionBuilder> configure, HttpMessageHandler? innerHandler,
        TimeProvider? timeProvider, ILoggerFactory? loggerFactory, string clientName, string? environmentName)
    {
        var options = Build(configure);
        var telemetry = Telemetry(loggerFactory, null);
        var guard = new ProductionGuard(clientName, Logger(loggerFactory));
        var pipeline = options.Enabled && options.Faults.Count > 0 && !guard.Refuses(options, environmentName)
            ? FaultPipelineFactory.Create(options, clientName, timeProvider ?? TimeProvider.System, telemetry)
            : null;
        return new FaultInjectionHandler(() => pipeline, telemetry, clientName, guard) { InnerHandler = innerHandler ?? new SocketsHttpHandler() };
    }

    /// <summary>Builds a fault-injecting handler whose faults follow a <see cref="LiveFaultProfile"/>: each
    /// <see cref="LiveFaultProfile.Set"/> or <see cref="LiveFaultProfile.Reset"/> takes effect on the next request.
    /// Put it directly above the primary handler (innermost).</summary>
    /// <param name="profile">The live profile; its baseline applies until an override is set.</param>
    /// <param name="innerHandler">The primary handler; a new <see cref="SocketsHttpHandler"/> when omitted.</param>
    /// <param name="timeProvider">The clock for delays, schedules and limits; the system clock when omitted.</param>
    /// <param name="loggerFactory">Where injected faults are logged.</param>
    /// <param name="clientName">The client name reported in telemetry.</param>
    /// <param name="hostEnvironment">The host whose environment the Production guard judges, for a handler that serves a
    /// host without being built by its dependency injection (a fault proxy inside an Aspire app host). Defaults to
    /// <see langword="null"/>: no host, the process's <c>DOTNET_ENVIRONMENT</c>, else <c>ASPNETCORE_ENVIRONMENT</c>.</param>
    /// <returns>The handler.</returns>
    public static DelegatingHandler CreateHandler(LiveFaultProfile profile, HttpMessageHandler? innerHandler = null,
        TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, string clientName = "default",
        IHostEnvironment? hostEnvironment = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var telemetry = Telemetry(loggerFactory, null);
        var source = new LivePipelineSource(profile, clientName, timeProvider ?? TimeProvider.System, telemetry,
            hostEnvironment, Logger(loggerFactory));
        return new FaultInjectionHandler(() => source.Current, telemetry, clientName, source.Guard) { InnerHandler = innerHandler ?? new SocketsHttpHandler() };
    }

    /// <summary>Adds the faults to a hand-built pipeline, using its <see cref="ResiliencePipelineBuilderBase.TimeProvider"/>.
    /// Targeting and realistic messages read the request from the context
    /// (<c>ResilienceContext.SetRequestMessage</c>, which the resilience handlers set for you).</summary>
    /// <param name="builder">The pipeline builder; add these after your resilience strategies so they sit innermost.</param>
    /// <param name="configure">Adds faults and sets the seed.</param>
    /// <param name="loggerFactory">Where injected faults are logged.</param>
    /// <param name="meterFactory">Creates the FaultLab meter; a shared one when omitted.</param>
    /// <param name="clientName">The client name reported in telemetry.</param>
    /// <returns>The same pipeline builder.</returns>
    /// <exception cref="ArgumentException">The profile is invalid; the message lists every problem.</exception>
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddFaultInjection(this ResiliencePipelineBuilder<HttpResponseMessage> builder,
        Action<FaultInjectionBuilder> configure, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null, string clientName = "default") =>
        AddFaultInjection(builder, configure, loggerFactory, meterFactory, clientName, ProductionRule.ProcessEnvironmentName());

    /// <summary>As the public overload, in <paramref name="environmentName"/> rather than the process's (a test's).</summary>
    internal static ResiliencePipelineBuilder<HttpResponseMessage> AddFaultInjection(ResiliencePipelineBuilder<HttpResponseMessage> builder,
        Action<FaultInjectionBuilder> configure, ILoggerFactory? loggerFactory, IMeterFactory? meterFactory, string clientName, string? environmentName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = Build(configure);
        var guard = new ProductionGuard(clientName, Logger(loggerFactory));
        if (guard.Refuses(options, environmentName))
        {
            guard.ExplainRefusalOnce(); // a hand-built pipeline has no first request to wait for: now is the only moment
            return builder;
        }

        var timeProvider = builder.TimeProvider ?? TimeProvider.System;
        FaultPipelineFactory.AddFaults(builder, options, clientName, timeProvider, Telemetry(loggerFactory, meterFactory));
        return builder;
    }

    private static FaultInjectionOptions Build(Action<FaultInjectionBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new FaultInjectionOptions();
        configure(new FaultInjectionBuilder(options));
        if (options.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException("Invalid fault profile: " + string.Join(" ", errors), nameof(configure));
        }

        return options;
    }

    private static FaultTelemetry Telemetry(ILoggerFactory? loggerFactory, IMeterFactory? meterFactory) => new(meterFactory, Logger(loggerFactory));

    private static ILogger Logger(ILoggerFactory? loggerFactory) => (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("FaultLab");
}
