namespace FaultLab.Testing;

/// <summary>A request that really reached a <see cref="FakeUpstream"/>, captured when it arrived (the request object
/// itself may be disposed or reused by then).</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The absolute request URI.</param>
/// <param name="Headers">Request and content headers, values joined with <c>", "</c>; names are case-insensitive.</param>
/// <param name="Body">The request body as text, or <see langword="null"/> when there was none.</param>
/// <param name="ReceivedAt">When it arrived, on the upstream's clock.</param>
public sealed record ReceivedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>Gets the path of <see cref="Uri"/>.</summary>
    public string Path => Uri.AbsolutePath;

    /// <summary>Gets a header's value, or <see langword="null"/> when it was not sent.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The value.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
