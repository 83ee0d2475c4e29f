using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FaultLab.Load.NBomber.Http.CSharp;

using FaultLab.Load.NBomber.Contracts;

/// <summary>
/// NBomber.Http's helpers over any <see cref="HttpClient"/> — including one from <c>IHttpClientFactory</c> with
/// FaultLab's fault injection, whose injected failures then show in the statistics like real ones. The status
/// code is the numeric HTTP code as text ("200", "503"); non-2xx responses are failures; the size is the request's
/// and response's headers plus their Content-Length.
/// </summary>
public static class Http
{
    /// <summary>Gets or sets the JSON options of typed sends and JSON bodies. Defaults to <see cref="JsonSerializerOptions.Default"/>.</summary>
    public static JsonSerializerOptions GlobalJsonSerializerOptions { get; set; } = JsonSerializerOptions.Default;

    /// <summary>Creates a client, as NBomber.Http's <c>CreateDefaultClient</c>.</summary>
    public static HttpClient CreateDefaultClient() => new();

    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method ("GET", "POST", …).</param>
    /// <param name="url">An absolute URL, or one relative to the client's BaseAddress.</param>
    public static HttpRequestMessage CreateRequest(string method, string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(url);
        return new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.RelativeOrAbsolute));
    }

    /// <summary>Sends a request.</summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request.</param>
    public static Task<Response<HttpResponseMessage>> Send(HttpClient client, HttpRequestMessage request) =>
        Send(client, HttpClientArgs.Create(), request);

    /// <summary>Sends a request with per-request options.</summary>
    /// <param name="client">The client.</param>
    /// <param name="clientArgs">The options.</param>
    /// <param name="request">The request.</param>
    public static async Task<Response<HttpResponseMessage>> Send(HttpClient client, HttpClientArgs clientArgs, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(clientArgs);
        ArgumentNullException.ThrowIfNull(request);
        var response = await client.SendAsync(request, clientArgs.HttpCompletion, clientArgs.CancellationToken).ConfigureAwait(false);
        return new Response<HttpResponseMessage>(Code(response), !response.IsSuccessStatusCode, Size(request, response), "",
            new Option<HttpResponseMessage>(response));
    }

    /// <summary>Sends a request and deserializes a successful response's JSON body.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="client">The client.</param>
    /// <param name="request">The request.</param>
    public static Task<Response<HttpResponse<T>>> Send<T>(HttpClient client, HttpRequestMessage request) =>
        Send<T>(client, HttpClientArgs.Create(), request);

    /// <summary>Sends a request with per-request options and deserializes a successful response's JSON body.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="client">The client.</param>
    /// <param name="clientArgs">The options.</param>
    /// <param name="request">The request.</param>
    public static async Task<Response<HttpResponse<T>>> Send<T>(HttpClient client, HttpClientArgs clientArgs, HttpRequestMessage request)
    {
        var sent = await Send(client, clientArgs, request).ConfigureAwait(false);
        var response = sent.Payload.Value;
        if (sent.IsError)
            return new Response<HttpResponse<T>>(sent.StatusCode, true, sent.SizeBytes, "", Option<HttpResponse<T>>.None);
        var body = await response.Content.ReadFromJsonAsync<T>(clientArgs.JsonSerializerOptions ?? GlobalJsonSerializerOptions,
            clientArgs.CancellationToken).ConfigureAwait(false);
        return new Response<HttpResponse<T>>(sent.StatusCode, false, sent.SizeBytes, "", new Option<HttpResponse<T>>(new HttpResponse<T>(body!, response)));
    }

    private static string Code(HttpResponseMessage response) => ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);

    private static long Size(HttpRequestMessage request, HttpResponseMessage response) =>
        Headers(request.Headers) + (request.Content?.Headers.ContentLength ?? 0)
        + Headers(response.Headers) + (response.Content.Headers.ContentLength ?? 0);

    private static long Headers(HttpHeaders headers) => headers.Sum(h => h.Key.Length + h.Value.Sum(v => v.Length));
}

/// <summary>Request-building extensions, as NBomber.Http's <c>HttpExt</c>.</summary>
public static class HttpExt
{
    /// <summary>Adds a header (a content header such as Content-Type goes to the body, when there is one).</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value.</param>
    public static HttpRequestMessage WithHeader(this HttpRequestMessage request, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!request.Headers.TryAddWithoutValidation(name, value))
            request.Content?.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    /// <summary>Sets the HTTP version ("1.1", "2.0").</summary>
    /// <param name="request">The request.</param>
    /// <param name="version">The version.</param>
    public static HttpRequestMessage WithVersion(this HttpRequestMessage request, string version)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Version = Version.Parse(version);
        return request;
    }

    /// <summary>Sets the body.</summary>
    /// <param name="request">The request.</param>
    /// <param name="body">The content.</param>
    public static HttpRequestMessage WithBody(this HttpRequestMessage request, HttpContent body)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Content = body;
        return request;
    }

    /// <summary>Serializes <paramref name="data"/> as the JSON body and adds "Accept: application/json".</summary>
    /// <typeparam name="T">The data type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="data">The data.</param>
    /// <param name="options">JSON options; null uses <c>Http.GlobalJsonSerializerOptions</c>.</param>
    public static HttpRequestMessage WithJsonBody<T>(this HttpRequestMessage request, T data, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(data, options ?? Http.GlobalJsonSerializerOptions));
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        return request;
    }
}
