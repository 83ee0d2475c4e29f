using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using FaultLab.Pipeline;
using FaultLab.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FaultLab.DependencyInjection;

/// <summary>One <see cref="FaultPipelineProvider"/> per client, created on first use and kept for the application's life.</summary>
internal sealed class FaultPipelineProviders(IServiceProvider services) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<FaultPipelineProvider>> _providers = new(StringComparer.Ordinal);

    public FaultPipelineProvider Get(string clientName, string optionsName) =>
        _providers.GetOrAdd(clientName, name => new Lazy<FaultPipelineProvider>(() => Create(name, optionsName))).Value;

    public void Dispose()
    {
        foreach (var provider in _providers.Values.Where(p => p.IsValueCreated))
        {
            provider.Value.Dispose();
        }
    }

    private FaultPipelineProvider Create(string clientName, string optionsName)
    {
        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("FaultLab");
        return new FaultPipelineProvider(
            clientName,
            optionsName,
            services.GetRequiredService<IOptionsMonitor<FaultInjectionOptions>>(),
            services.GetRequiredService<IOptionsFactory<FaultInjectionOptions>>(),
            services.GetServices<IOptionsChangeTokenSource<FaultInjectionOptions>>(),
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            new FaultTelemetry(services.GetService<IMeterFactory>(), logger),
            services.GetService<IHostEnvironment>(),
            logger,
            services.GetService<LiveFaultProfile>());
    }
}
