namespace FaultLab;

/// <summary>
/// The one seam for changing faults while requests flow: a profile that can be replaced at run time and put back.
/// Without an override, the configured profile applies (the options' one under dependency injection, or the
/// baseline given to the constructor). Control APIs, dashboards and tests call <see cref="Set"/> and
/// <see cref="Reset"/>; the fault pipelines listening to it rebuild on the next request.
/// </summary>
/// <remarks>
/// Under dependency injection register it with <c>services.AddLiveFaultProfile()</c>: it then applies to every client
/// that has <c>AddFaultInjection</c>. Without a host pass it to
/// <see cref="FaultInjection.CreateHandler(LiveFaultProfile, HttpMessageHandler?, TimeProvider?, Microsoft.Extensions.Logging.ILoggerFactory?, string, Microsoft.Extensions.Hosting.IHostEnvironment?)"/>.
/// A replaced profile is rebuilt, so its rate limits, token ages, schedules and seeded sequences start over.
/// The Production guard applies to an override exactly as to a configured profile.
/// </remarks>
public sealed class LiveFaultProfile
{
    private readonly object _gate = new();
    private FaultInjectionOptions? _override;

    /// <summary>Initializes a new instance of the <see cref="LiveFaultProfile"/> class whose baseline is the configured
    /// profile (under dependency injection) or no faults at all.</summary>
    public LiveFaultProfile()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LiveFaultProfile"/> class with a baseline profile, in force
    /// until <see cref="Set"/> replaces it and again after <see cref="Reset"/>.</summary>
    /// <param name="baseline">The validated profile in force without an override.</param>
    /// <exception cref="ArgumentException">The profile is invalid; the message lists every problem with its path.</exception>
    public LiveFaultProfile(FaultInjectionOptions baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ThrowIfInvalid(baseline, nameof(baseline));
        Baseline = baseline;
    }

    /// <summary>Occurs after <see cref="Set"/> or <see cref="Reset"/> changed the profile in force.</summary>
    public event EventHandler? Changed;

    /// <summary>Gets the profile given to the constructor, or <see langword="null"/> when the configured one is the baseline.</summary>
    public FaultInjectionOptions? Baseline { get; }

    /// <summary>Gets the profile set at run time, or <see langword="null"/> when the baseline is in force.</summary>
    public FaultInjectionOptions? Override
    {
        get
        {
            lock (_gate)
            {
                return _override;
            }
        }
    }

    /// <summary>Gets how many times the profile in force was changed; each <see cref="Set"/> and <see cref="Reset"/> adds one.</summary>
    public long Version { get; private set; }

    /// <summary>Replaces the profile in force with <paramref name="profile"/>; the next request sees it.</summary>
    /// <param name="profile">A profile, validated here exactly like a configured one.</param>
    /// <exception cref="ArgumentException">The profile is invalid; the message lists every problem with its path.</exception>
    public void Set(FaultInjectionOptions profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ThrowIfInvalid(profile, nameof(profile));
        lock (_gate)
        {
            _override = profile;
            Version++;
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Removes the run-time profile, so the baseline (or the configured profile) is in force again.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _override = null;
            Version++;
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    private static void ThrowIfInvalid(FaultInjectionOptions profile, string parameterName)
    {
        if (profile.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException("Invalid fault profile: " + string.Join(" ", errors), parameterName);
        }
    }
}
