using System.Text;
using FaultLab.Catalog;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>
/// The body is delivered in full and well framed, but its payload is broken — the breaking change or the proxy
/// error page a client's parser has to survive. Content-Length matches the new body.
/// </summary>
[FaultKind("The real body, well framed but broken: JSON cut in half, an invalid token, or a proxy's HTML page.",
    Example = """{ "Mode": "HtmlErrorPage" }""")]
public sealed class MalformedBodyFault : BodyFault
{

    /// <summary>Gets or sets how the payload is broken. Defaults to <see cref="MalformedBodyMode.TruncatedJson"/>.</summary>
    public MalformedBodyMode Mode { get; set; } = MalformedBodyMode.TruncatedJson;

    internal override HttpContent Wrap(HttpContent original, RealizationContext context) =>
        new FaultyContent(original, (stream, _) => new RewrittenBodyStream(stream, Corrupt), keepContentLength: false);

    internal byte[] Corrupt(byte[] body) => Mode switch
    {
        // Half a document: every JSON parser fails at end of input.
        MalformedBodyMode.TruncatedJson => body.AsSpan(0, body.Length / 2).ToArray(),

        // A stray token where a value belongs.
        MalformedBodyMode.InvalidToken => [.. Encoding.UTF8.GetBytes("{\"error\": undefined, "), .. body],

        // What a proxy returns in place of the API's JSON.
        _ => Encoding.UTF8.GetBytes("<html><body><h1>Bad Gateway</h1></body></html>"),
    };
}

/// <summary>How a <see cref="MalformedBodyFault"/> breaks the payload.</summary>
public enum MalformedBodyMode
{
    /// <summary>The JSON document is cut in half.</summary>
    TruncatedJson,

    /// <summary>An invalid token is put in front of the document.</summary>
    InvalidToken,

    /// <summary>An HTML error page replaces the document.</summary>
    HtmlErrorPage,
}
