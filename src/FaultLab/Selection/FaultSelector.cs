using Polly;
using Polly.Simmy;

namespace FaultLab.Selection;

/// <summary>When one fault of a compiled profile may fire: the profile and fault switches, the target and the
/// schedule (everything but the dice), and the fault's seeded dice, handed to Polly.Simmy as chaos options.</summary>
internal sealed class FaultSelector
{
    private readonly Fault _fault;
    private readonly RequestMatcher? _matcher;
    private readonly Func<bool> _profileEnabled;
    private readonly TimeProvider _clock;
    private readonly DateTimeOffset _profileStart;

    public FaultSelector(Fault fault, SeededRandom random, TimeProvider clock, DateTimeOffset profileStart, Func<bool> profileEnabled)
    {
        _fault = fault;
        _matcher = fault.Target?.Compile();
        _profileEnabled = profileEnabled;
        _clock = clock;
        _profileStart = profileStart;
        Random = random;
    }

    public SeededRandom Random { get; }

    /// <summary>Applies rate, randomness and selection (switch, target, schedule) to Polly chaos options.</summary>
    public TOptions Apply<TOptions>(TOptions options)
        where TOptions : ChaosStrategyOptions
    {
        options.Name = $"FaultLab.{_fault.DisplayName}";
        options.InjectionRate = _fault.InjectionRate;
        options.Randomizer = Random.NextDouble;
        options.EnabledGenerator = args => new ValueTask<bool>(IsSelectable(args.Context.GetRequestMessage()));
        return options;
    }

    /// <summary>Whether the fault could fire for <paramref name="request"/>: selectable and a rate above zero.</summary>
    // Stryker disable once Equality : a rate-0 fault sent through Polly never fires either (Simmy injects only when roll < rate): the check only spares it Polly's cost
    public bool MightFire(HttpRequestMessage request) => _fault.InjectionRate > 0 && IsSelectable(request);

    private bool IsSelectable(HttpRequestMessage? request)
    {
        if (!_fault.Enabled || !_profileEnabled())
        {
            return false;
        }

        if (_fault.Schedule is { } schedule && !schedule.IsActive(_clock.GetUtcNow() - _profileStart))
        {
            return false;
        }

        return _matcher is null || (request is not null && _matcher.Matches(request));
    }
}
