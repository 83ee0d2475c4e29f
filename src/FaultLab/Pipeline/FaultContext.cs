using FaultLab.Selection;
using FaultLab.Telemetry;
using Polly;
using Polly.Simmy;

namespace FaultLab.Pipeline;

/// <summary>What one fault's strategy needs from its profile: clock, randomness, selection and telemetry.</summary>
internal sealed class FaultContext
{
    private readonly Fault _fault;
    private readonly RequestMatcher? _matcher;
    private readonly Func<bool> _profileEnabled;

    public FaultContext(Fault fault, int index, FaultInjectionOptions profile, string clientName,
        TimeProvider timeProvider, FaultTelemetry telemetry, DateTimeOffset profileStart, Func<bool> profileEnabled)
    {
        _fault = fault;
        _matcher = fault.Target?.Compile();
        _profileEnabled = profileEnabled;
        ClientName = clientName;
        TimeProvider = timeProvider;
        Telemetry = telemetry;
        ProfileStart = profileStart;
        Random = SeededRandom.Create(profile.Seed, index);
    }

    public string ClientName { get; }

    public TimeProvider TimeProvider { get; }

    public FaultTelemetry Telemetry { get; }

    public DateTimeOffset ProfileStart { get; }

    public SeededRandom Random { get; }

    /// <summary>Applies rate, randomness and selection (switch, target, schedule) to a Polly chaos strategy.</summary>
    public TOptions Select<TOptions>(TOptions options)
        where TOptions : ChaosStrategyOptions
    {
        options.Name = $"FaultLab.{_fault.DisplayName}";
        options.InjectionRate = _fault.InjectionRate;
        options.Randomizer = Random.NextDouble;
        options.EnabledGenerator = args => new ValueTask<bool>(IsSelectable(args.Context));
        return options;
    }

    /// <summary>Everything but the dice: the profile and fault switches, the target and the schedule.</summary>
    public bool IsSelectable(ResilienceContext context) => IsSelectable(context.GetRequestMessage());

    /// <summary>Whether the fault could fire for <paramref name="request"/>: selectable and a rate above zero.</summary>
    public bool MightFire(HttpRequestMessage request) => _fault.InjectionRate > 0 && IsSelectable(request);

    private bool IsSelectable(HttpRequestMessage? request)
    {
        if (!_fault.Enabled || !_profileEnabled())
        {
            return false;
        }

        if (_fault.Schedule is { } schedule && !schedule.IsActive(TimeProvider.GetUtcNow() - ProfileStart))
        {
            return false;
        }

        return _matcher is null || (request is not null && _matcher.Matches(request));
    }

    /// <summary>Reports a fault that fired: metric, activity event, log, and a mark on the request.</summary>
    public void Report(ResilienceContext context, int? statusCode = null, Exception? exception = null)
    {
        var fault = new InjectedFault(_fault.Kind, _fault.DisplayName, statusCode, exception?.GetType().Name);
        Telemetry.Report(ClientName, fault, context.GetRequestMessage());
    }
}
