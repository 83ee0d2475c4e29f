using System.Text.Json;

namespace FaultLab.Load.NBomber.Http;

/// <summary>Per-request options of <c>Http.Send</c>, as NBomber.Http's <c>HttpClientArgs</c>.</summary>
public sealed class HttpClientArgs
{
    /// <summary>Gets or sets when <c>SendAsync</c> completes. Defaults to <see cref="HttpCompletionOption.ResponseContentRead"/>.</summary>
    public HttpCompletionOption HttpCompletion { get; set; } = HttpCompletionOption.ResponseContentRead;

    /// <summary>Gets or sets the request's cancellation token.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>Gets or sets the JSON options of typed sends; null uses <c>Http.GlobalJsonSerializerOptions</c>.</summary>
    public JsonSerializerOptions? JsonSerializerOptions { get; set; }

    /// <summary>Creates arguments with a cancellation token.</summary>
    /// <param name="cancellationToken">The request's token.</param>
    /// <param name="httpCompletion">When the send completes.</param>
    /// <param name="jsonOptions">JSON options of typed sends.</param>
    public static HttpClientArgs Create(CancellationToken cancellationToken,
        HttpCompletionOption httpCompletion = HttpCompletionOption.ResponseContentRead, JsonSerializerOptions? jsonOptions = null) =>
        new() { CancellationToken = cancellationToken, HttpCompletion = httpCompletion, JsonSerializerOptions = jsonOptions };

    /// <summary>Creates arguments without a cancellation token.</summary>
    /// <param name="httpCompletion">When the send completes.</param>
    /// <param name="jsonOptions">JSON options of typed sends.</param>
    public static HttpClientArgs Create(HttpCompletionOption httpCompletion = HttpCompletionOption.ResponseContentRead, JsonSerializerOptions? jsonOptions = null) =>
        new() { HttpCompletion = httpCompletion, JsonSerializerOptions = jsonOptions };
}

/// <summary>The payload of a typed send: the deserialized body and the response it came from.</summary>
/// <typeparam name="T">The body type.</typeparam>
/// <param name="Data">The deserialized JSON body.</param>
/// <param name="Response">The HTTP response.</param>
public sealed record HttpResponse<T>(T Data, HttpResponseMessage Response);
