namespace FaultLab.Control;

/// <summary>
/// Changes the faults of a <see cref="LiveFaultProfile"/> at run time: list, add, change and remove faults, turn
/// them all off and on, switch or clear the profile, and lease faults that a dead-man switch removes when their
/// controller stops renewing. The HTTP control API, the Aspire dashboard commands and tests all go through it.
/// </summary>
/// <remarks>Each change replaces the live profile, so stateful faults (rate limits, token ages, schedules, seeded
/// sequences) start over. <see cref="Reset"/> hands the live profile back to its baseline untouched.</remarks>
public sealed partial class FaultController : IDisposable
{
    private readonly object _gate = new();
    private readonly LiveFaultProfile _live;
    private readonly TimeProvider _time;
    private readonly TimeSpan _leaseDuration;
    private readonly CounterListener _counters;
    private readonly ITimer _expiry;
    private readonly string _startProfileName;
    private readonly List<ControlledFault> _faults = [];
    private readonly Dictionary<string, DateTimeOffset> _leases = new(StringComparer.Ordinal);
    private FaultInjectionOptions _baseline;
    private int _nextId;
    private bool _enabled = true;

    /// <summary>Initializes a new instance of the <see cref="FaultController"/> class over <paramref name="live"/>;
    /// its baseline (or, without one, an empty profile) is the starting profile.</summary>
    /// <param name="live">The live profile to drive.</param>
    /// <param name="options">Lease duration, clock, counted client; the defaults when omitted.</param>
    public FaultController(LiveFaultProfile live, FaultControllerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(live);
        options ??= new FaultControllerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.LeaseDuration, TimeSpan.Zero, nameof(options));
        _live = live;
        _time = options.TimeProvider ?? TimeProvider.System;
        _leaseDuration = options.LeaseDuration;
        _startProfileName = options.ProfileName;
        ProfileName = options.ProfileName;
        _baseline = live.Baseline ?? new FaultInjectionOptions();
        _counters = new CounterListener(options.ClientName);
        _expiry = _time.CreateTimer(_ => ExpireLeases(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        AddBaselineFaults();
    }

    /// <summary>Occurs after any change to the faults, the on/off switch or the leases.</summary>
    public event EventHandler? Changed;

    /// <summary>Gets the dead-man switch's timeout: how long a lease lives without renewal.</summary>
    public TimeSpan LeaseDuration => _leaseDuration;

    /// <summary>Gets the name of the profile in force (the starting one, or the last one switched to).</summary>
    public string ProfileName { get; private set; }

    /// <summary>Gets a value indicating whether faults are on; <see cref="SetEnabled"/> switches them.</summary>
    public bool Enabled
    {
        get
        {
            lock (_gate)
            {
                return _enabled && _baseline.Enabled;
            }
        }
    }

    /// <summary>Gets the faults in force, in evaluation order: the profile's, then the added ones.</summary>
    public IReadOnlyList<ControlledFault> Faults
    {
        get
        {
            lock (_gate)
            {
                return [.. _faults];
            }
        }
    }

    /// <summary>Gets the leases in force.</summary>
    public IReadOnlyList<FaultLeaseInfo> Leases
    {
        get
        {
            lock (_gate)
            {
                return [.. _leases.Select(l => LeaseInfo(l.Key, l.Value))];
            }
        }
    }

    /// <summary>Adds a fault after the others.</summary>
    /// <param name="fault">A validated fault (<see cref="FaultJson.ReadFault"/> or one built in code).</param>
    /// <returns>The fault's id.</returns>
    /// <exception cref="ArgumentException">The fault is invalid.</exception>
    public string Add(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ThrowIfInvalid(fault);
        string id = "";
        lock (_gate)
        {
            ApplyOrUndoLocked(nameof(fault), () =>
            {
                id = $"fault-{++_nextId}";
                _faults.Add(new ControlledFault(id, fault, null));
            });
        }

        OnChanged();
        return id;
    }

    /// <summary>Replaces the fault with id <paramref name="id"/>, keeping its place and lease.</summary>
    /// <param name="id">The fault's id.</param>
    /// <param name="fault">The new fault.</param>
    /// <returns><see langword="false"/> when no fault has that id.</returns>
    /// <exception cref="ArgumentException">The fault is invalid.</exception>
    public bool Replace(string id, Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ThrowIfInvalid(fault);
        lock (_gate)
        {
            int index = _faults.FindIndex(f => f.Id == id);
            if (index < 0)
            {
                return false;
            }

            ApplyOrUndoLocked(nameof(fault), () => _faults[index] = _faults[index] with { Fault = fault });
        }

        OnChanged();
        return true;
    }

    /// <summary>Removes the fault with id <paramref name="id"/>.</summary>
    /// <param name="id">The fault's id.</param>
    /// <returns><see langword="false"/> when no fault has that id.</returns>
    public bool Remove(string id)
    {
        lock (_gate)
        {
            if (_faults.RemoveAll(f => f.Id == id) == 0)
            {
                return false;
            }

            ApplyLocked(nameof(id));
        }

        OnChanged();
        return true;
    }

    /// <summary>Turns every fault off (requests pass through untouched) or back on, keeping them all.</summary>
    /// <param name="enabled">Whether faults are on.</param>
    public void SetEnabled(bool enabled)
    {
        lock (_gate)
        {
            _enabled = enabled;
            ApplyLocked(nameof(enabled));
        }

        OnChanged();
    }

    /// <summary>Switches to another profile: its faults replace the current profile's (added and leased faults stay).</summary>
    /// <param name="name">The name shown for it.</param>
    /// <param name="profile">The validated profile.</param>
    /// <exception cref="ArgumentException">The profile is invalid.</exception>
    public void SwitchProfile(string name, FaultInjectionOptions profile)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException("Invalid fault profile: " + string.Join(" ", errors), nameof(profile));
        }

        lock (_gate)
        {
            ApplyOrUndoLocked(nameof(profile), () =>
            {
                _faults.RemoveAll(f => f.Id.StartsWith("profile-", StringComparison.Ordinal));
                _baseline = profile;
                ProfileName = name;
                AddBaselineFaults();
            });
        }

        OnChanged();
    }

    /// <summary>Clears everything: the profile's faults, added and leased faults, and the leases; requests then pass
    /// through until faults are added or a profile is switched to.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            // Not SwitchProfile: a switch keeps the added and leased faults, a clear takes them and their leases too.
            _faults.Clear();
            _leases.Clear();
            _baseline = new FaultInjectionOptions { Seed = _baseline.Seed };
            ProfileName = "none";
            ApplyLocked("profile");
            ScheduleExpiryLocked();
        }

        OnChanged();
    }

    /// <summary>Back to the start: added and leased faults and the leases go, faults are on, and the live profile's
    /// baseline (or configured profile) is in force again, untouched. The counters restart.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _faults.Clear();
            _leases.Clear();
            _enabled = true;
            _baseline = _live.Baseline ?? new FaultInjectionOptions();
            ProfileName = _startProfileName;
            AddBaselineFaults();
            _live.Reset();
            _counters.Reset();
            _expiry.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        OnChanged();
    }

    /// <summary>Gets what FaultLab counted (requests forwarded, faults injected by name) since the start or the last <see cref="Reset"/>.</summary>
    /// <returns>The counters.</returns>
    public FaultCounters GetCounters() => _counters.Snapshot();

    /// <summary>Stops the dead-man switch's timer and the counters.</summary>
    public void Dispose()
    {
        _expiry.Dispose();
        _counters.Dispose();
    }

    private static void ThrowIfInvalid(Fault fault)
    {
        var single = new FaultInjectionOptions();
        single.Faults.Add(fault);
        if (single.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException("Invalid fault: " + string.Join(" ", errors), nameof(fault));
        }
    }

    private void AddBaselineFaults()
    {
        for (int i = 0; i < _baseline.Faults.Count; i++)
        {
            _faults.Insert(i, new ControlledFault($"profile-{i}", _baseline.Faults[i], null));
        }
    }

    /// <summary>Makes a change and applies it, or, when the faults together are invalid (a name already in force),
    /// undoes it: a refused change leaves no fault behind that the live profile does not have.</summary>
    private void ApplyOrUndoLocked(string parameterName, Action change)
    {
        ControlledFault[] faults = [.. _faults];
        FaultInjectionOptions baseline = _baseline;
        string profileName = ProfileName;
        int nextId = _nextId;
        change();
        try
        {
            ApplyLocked(parameterName);
        }
        catch (ArgumentException)
        {
            _faults.Clear();
            _faults.AddRange(faults);
            _baseline = baseline;
            ProfileName = profileName;
            _nextId = nextId;
            throw;
        }
    }

    /// <summary>The live profile gets the faults in force with the baseline's seed and Production permission.</summary>
    private void ApplyLocked(string parameterName)
    {
        var profile = new FaultInjectionOptions
        {
            Enabled = _enabled && _baseline.Enabled,
            AllowInProduction = _baseline.AllowInProduction,
            Seed = _baseline.Seed,
        };
        foreach (var fault in _faults)
        {
            profile.Faults.Add(fault.Fault);
        }

        if (profile.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException("Invalid fault: " + string.Join(" ", errors), parameterName);
        }

        _live.Set(profile);
    }

    private void OnChanged() => Changed?.Invoke(this, EventArgs.Empty);
}
