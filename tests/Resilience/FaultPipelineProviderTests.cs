using FaultLab.DependencyInjection;
using FaultLab.Pipeline;
using FaultLab.Telemetry;
using FaultLab.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace FaultLab.Tests;

/// <summary>The per-client pipeline holder (dependency injection) and the live one (no container): when they build a
/// pipeline, what they rebuild from, what they log, and that a disposed holder stops rebuilding.</summary>
public sealed class FaultPipelineProviderTests
{
    private const string Client = "fpp";

    [Fact]
    public void A_disabled_or_empty_profile_passes_requests_through_without_a_pipeline()
    {
        using var disabled = new Holder(Profile(enabled: false, faults: 1));
        using var empty = new Holder(Profile(enabled: true, faults: 0));
        using var active = new Holder(Profile(enabled: true, faults: 1));

        Assert.Null(disabled.Provider.Current);
        Assert.Null(empty.Provider.Current);
        Assert.NotNull(active.Provider.Current);
    }

    [Fact]
    public void Warns_that_injection_is_active_once_however_often_the_profile_rebuilds()
    {
        using var holder = new Holder(Profile(enabled: true, faults: 1));
        var first = holder.Provider.Current;

        holder.Monitor.Change(Profile(enabled: true, faults: 2));

        Assert.NotNull(holder.Provider.Current);
        Assert.NotSame(first, holder.Provider.Current);
        var active = Assert.Single(holder.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Equal("FaultLab fault injection is ACTIVE for client 'fpp' (1 faults): failures on this client may be injected, not real", active.Message);
    }

    [Fact]
    public void A_live_override_in_force_when_the_client_starts_is_built_instead_of_the_configured_profile()
    {
        var live = new LiveFaultProfile();
        live.Set(Profile(enabled: true, faults: 1));
        using var holder = new Holder(Profile(enabled: false, faults: 1), live);

        Assert.NotNull(holder.Provider.Current);

        live.Reset();

        Assert.Null(holder.Provider.Current);
    }

    [Fact]
    public void A_pipeline_built_from_a_live_override_is_never_taken_for_the_configured_one()
    {
        // The override came from the same configuration text; a reset races the client's start (it lands while the
        // holder subscribes, before it listens to the live profile), so only the next reload can restore the profile.
        var live = new LiveFaultProfile();
        var fromSameText = Profile(enabled: true, faults: 1);
        fromSameText.SourceSnapshot = "same text";
        live.Set(fromSameText);
        var configured = Profile(enabled: true, faults: 2);
        configured.SourceSnapshot = "same text";
        var monitor = new HandMonitor(configured) { OnSubscribe = live.Reset };
        using var holder = new Holder(monitor, live);
        var builtFromOverride = holder.Provider.Current;

        monitor.Change(configured);

        Assert.NotNull(holder.Provider.Current);
        Assert.NotSame(builtFromOverride, holder.Provider.Current);
    }

    [Fact]
    public void A_reload_that_does_not_validate_is_logged_with_every_error_and_keeps_the_pipeline()
    {
        using var holder = new Holder(Profile(enabled: true, faults: 1));
        var before = holder.Provider.Current;

        holder.Monitor.Change(Invalid());

        Assert.Same(before, holder.Provider.Current);
        var error = Assert.Single(holder.Logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Equal("FaultLab profile for client 'fpp' reloaded with errors; keeping the previous one: " +
            "Faults:0:InjectionRate: must be between 0 and 1 inclusive (was 7). Faults:1:InjectionRate: must be between 0 and 1 inclusive (was 8).",
            error.Message);
    }

    [Fact]
    public void A_reload_the_options_factory_rejects_is_logged_with_every_failure()
    {
        using var holder = new Holder(Profile(enabled: true, faults: 1));
        holder.Factory.Failures = ["A: is wrong.", "B: is wrong too."];

        holder.Source.Fire();

        var error = Assert.Single(holder.Logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Equal("FaultLab profile for client 'fpp' reloaded with errors; keeping the previous one: A: is wrong. B: is wrong too.", error.Message);
    }

    [Fact]
    public void Disposed_it_no_longer_rebuilds_on_a_reload_a_reload_check_or_a_live_change()
    {
        var live = new LiveFaultProfile();
        using var holder = new Holder(Profile(enabled: true, faults: 1), live);
        var before = holder.Provider.Current;
        holder.Factory.Failures = ["A: is wrong."];

        holder.Provider.Dispose();
        holder.Monitor.Change(Profile(enabled: true, faults: 2));
        holder.Source.Fire();
        live.Set(Profile(enabled: true, faults: 3));

        Assert.Same(before, holder.Provider.Current);
        Assert.DoesNotContain(holder.Logs.GetSnapshot(), r => r.Level == LogLevel.Error);
    }

    [Fact]
    public async Task Disposing_the_service_provider_disposes_each_clients_pipeline_holder()
    {
        var services = new ServiceCollection().AddLiveFaultProfile();
        services.AddHttpClient("fpp-di").ConfigurePrimaryHttpMessageHandler(() => new Upstream())
            .AddFaultInjection(f => f.AddFault(new StatusFault()));
        var provider = services.BuildServiceProvider();
        using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient("fpp-di").GetAsync(new Uri("http://orders.internal/a"));
        var holder = provider.GetRequiredService<FaultPipelineProviders>().Get("fpp-di", "fpp-di");
        var live = provider.GetRequiredService<LiveFaultProfile>();
        live.Set(Profile(enabled: true, faults: 1));
        var beforeDispose = holder.Current;
        Assert.NotNull(beforeDispose);

        provider.Dispose();
        live.Set(Profile(enabled: true, faults: 2));

        Assert.Same(beforeDispose, holder.Current);
    }

    [Fact]
    public void A_live_profile_without_dependency_injection_builds_only_an_enabled_non_empty_allowed_profile()
    {
        Assert.Null(LiveSource(new LiveFaultProfile()).Current);
        Assert.Null(LiveSource(new LiveFaultProfile(Profile(enabled: false, faults: 1))).Current);
        Assert.Null(LiveSource(new LiveFaultProfile(Profile(enabled: true, faults: 0))).Current);
        Assert.Null(LiveSource(new LiveFaultProfile(Profile(enabled: true, faults: 1)), new Host(Environments.Production)).Current);
        Assert.NotNull(LiveSource(new LiveFaultProfile(Profile(enabled: true, faults: 1)), new Host(Environments.Development)).Current);

        var live = new LiveFaultProfile();
        var source = LiveSource(live);
        live.Set(Profile(enabled: true, faults: 1));
        Assert.NotNull(source.Current);
        live.Reset();
        Assert.Null(source.Current);
    }

    private static LivePipelineSource LiveSource(LiveFaultProfile profile, IHostEnvironment? host = null)
    {
        var logger = new FakeLogger();
        return new LivePipelineSource(profile, Client, Clock.New(), new FaultTelemetry(null, logger), host ?? new Host(Environments.Development), logger);
    }

    private static FaultInjectionOptions Profile(bool enabled, int faults)
    {
        var options = new FaultInjectionOptions { Enabled = enabled };
        for (int i = 0; i < faults; i++)
        {
            options.Faults.Add(new StatusFault { StatusCode = 500 + i });
        }

        return options;
    }

    private static FaultInjectionOptions Invalid()
    {
        var options = new FaultInjectionOptions();
        options.Faults.Add(new StatusFault { InjectionRate = 7 });
        options.Faults.Add(new StatusFault { InjectionRate = 8 });
        return options;
    }

    /// <summary>A provider on a monitor, an options factory and a change token source the test drives by hand.</summary>
    private sealed class Holder : IDisposable
    {
        public Holder(FaultInjectionOptions initial, LiveFaultProfile? live = null)
            : this(new HandMonitor(initial), live)
        {
        }

        public Holder(HandMonitor monitor, LiveFaultProfile? live)
        {
            Monitor = monitor;
            var logger = new FakeLogger(Logs);
            Provider = new FaultPipelineProvider(Client, Options.DefaultName, Monitor, Factory, [Source], Clock.New(),
                new FaultTelemetry(null, logger), new Host(Environments.Development), logger, live);
        }

        public FakeLogCollector Logs { get; } = new();

        public HandMonitor Monitor { get; }

        public HandFactory Factory { get; } = new();

        public HandSource Source { get; } = new();

        public FaultPipelineProvider Provider { get; }

        public void Dispose() => Provider.Dispose();
    }

    /// <summary>An options monitor that, unlike the real one, hands on a profile that does not validate.</summary>
    private sealed class HandMonitor(FaultInjectionOptions current) : IOptionsMonitor<FaultInjectionOptions>
    {
        private readonly List<Action<FaultInjectionOptions, string?>> _listeners = [];

        public FaultInjectionOptions CurrentValue { get; private set; } = current;

        public Action? OnSubscribe { get; init; }

        public FaultInjectionOptions Get(string? name) => CurrentValue;

        public IDisposable OnChange(Action<FaultInjectionOptions, string?> listener)
        {
            _listeners.Add(listener);
            OnSubscribe?.Invoke();
            return new Unsubscriber(() => _listeners.Remove(listener));
        }

        public void Change(FaultInjectionOptions options)
        {
            CurrentValue = options;
            foreach (var listener in _listeners.ToList())
            {
                listener(options, Options.DefaultName);
            }
        }
    }

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }

    private sealed class HandFactory : IOptionsFactory<FaultInjectionOptions>
    {
        public IReadOnlyList<string> Failures { get; set; } = [];

        public FaultInjectionOptions Create(string name) => Failures.Count == 0
            ? new FaultInjectionOptions()
            : throw new OptionsValidationException(name, typeof(FaultInjectionOptions), Failures);
    }

    private sealed class HandSource : IOptionsChangeTokenSource<FaultInjectionOptions>
    {
        private CancellationTokenSource _changed = new();

        public string? Name => Options.DefaultName;

        public IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

        public void Fire()
        {
            var fired = _changed;
            _changed = new CancellationTokenSource();
            fired.Cancel();
        }
    }

    private sealed class Host(string environmentName) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = environmentName;

        public string ApplicationName { get; set; } = "FaultLab.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
