namespace FaultLab.Replay;

/// <summary>What <see cref="HarArchive.ImportAsync"/> wrote, and what it could not.</summary>
public sealed class HarImportResult
{
    internal HarImportResult(string cassettePath, int imported, IReadOnlyList<string> skipped, string? creator)
    {
        CassettePath = cassettePath;
        Imported = imported;
        Skipped = skipped;
        Creator = creator;
    }

    /// <summary>Gets the full path of the cassette written.</summary>
    public string CassettePath { get; }

    /// <summary>Gets the number of interactions written to the cassette.</summary>
    public int Imported { get; }

    /// <summary>
    /// Gets the entries left out, each as "entry N (METHOD URL): reason" — a request that never got a response
    /// (Chrome's status 0 with <c>net::ERR_…</c>), a non-HTTP URL (<c>data:</c>, <c>chrome-extension:</c>), an
    /// informational status, or a body that cannot be decoded. The URL is redacted as the cassette's URLs are
    /// (secret query parameters, user info) and secret shapes in it are cut short, so the list is safe to print.
    /// </summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>Gets the tool that wrote the HAR (<c>log.creator</c>, e.g. "WebInspector 537.36"), when it said.</summary>
    public string? Creator { get; }
}
