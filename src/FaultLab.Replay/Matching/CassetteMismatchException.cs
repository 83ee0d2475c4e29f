namespace FaultLab.Replay;

/// <summary>
/// A request replay cannot answer: nothing recorded matches it, or every match was already played and
/// <see cref="ExhaustedBehavior.Fail"/> is set. The message names the request, the closest recorded request and
/// why it did not match.
/// </summary>
public sealed class CassetteMismatchException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="CassetteMismatchException"/> class.</summary>
    /// <param name="cassettePath">The cassette searched.</param>
    /// <param name="request">The request, as "METHOD URL".</param>
    /// <param name="closest">The closest recorded request, as "METHOD URL", if the cassette holds any.</param>
    /// <param name="reasons">Why the closest did not match.</param>
    public CassetteMismatchException(string cassettePath, string request, string? closest, IReadOnlyList<string> reasons)
        : base(Describe(cassettePath, request, closest, reasons))
    {
        CassettePath = cassettePath;
        Request = request;
        ClosestRecorded = closest;
        Reasons = reasons;
    }

    /// <summary>Gets the full path of the cassette.</summary>
    public string CassettePath { get; }

    /// <summary>Gets the unanswered request as "METHOD URL" (redacted).</summary>
    public string Request { get; }

    /// <summary>Gets the closest recorded request as "METHOD URL", or <see langword="null"/> for an empty cassette.</summary>
    public string? ClosestRecorded { get; }

    /// <summary>Gets why the closest recorded request did not answer this one.</summary>
    public IReadOnlyList<string> Reasons { get; }

    private static string Describe(string path, string request, string? closest, IReadOnlyList<string> reasons) =>
        closest is null
            ? $"Cassette '{path}' has no recorded interactions, so nothing can answer {request}."
            : $"Cassette '{path}' cannot answer {request}. Closest recorded request: {closest}; it does not match because "
              + string.Join("; ", reasons) + ".";
}
