namespace FaultLab.Replay.Derivation;

/// <summary>
/// Derives a fault profile from captured traffic — a cassette, a HAR file or a FaultLab.Load JSON result — that
/// reproduces the observed error mix per endpoint (status codes and transport failures, per host and path) and its
/// latency (a long tail fitted to the observed p50 and p99), with a seed.
/// </summary>
public static class ProfileDerivation
{
    /// <summary>Reads <paramref name="path"/> (the kind is told by its content) and derives a profile.</summary>
    /// <param name="path">A cassette, a HAR file, or a FaultLab.Load JSON result.</param>
    /// <param name="options">The seed, and the scenario of a load result; defaults when <see langword="null"/>.</param>
    /// <returns>The profile and what it was derived from.</returns>
    /// <exception cref="InvalidDataException">The file is not JSON, or not one of the three kinds, or a load result without the scenario asked for.</exception>
    /// <exception cref="CassetteFormatException">The cassette cannot be read.</exception>
    /// <exception cref="HarFormatException">The HAR file cannot be read.</exception>
    public static DerivedProfile FromFile(string path, DeriveOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new DeriveOptions();
        string full = System.IO.Path.GetFullPath(path);
        return new DerivedProfile(full, options.Seed, TrafficReader.Read(full, options.Scenario));
    }

    /// <summary>Derives a profile from calls observed some other way (your own logs, a proxy's records).</summary>
    /// <param name="calls">The calls.</param>
    /// <param name="options">The seed; defaults when <see langword="null"/>.</param>
    /// <returns>The profile.</returns>
    public static DerivedProfile FromCalls(IEnumerable<ObservedCall> calls, DeriveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(calls);
        options ??= new DeriveOptions();
        return new DerivedProfile(null, options.Seed, EndpointAggregator.Aggregate(calls));
    }
}
