using FaultLab.Catalog;
using FaultLab.Configuration;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>
/// Answers as a well-known API answers when it throttles or fails — exactly its status, headers and body, as its
/// vendor documents them: Azure (ARM, Cosmos DB 429/449/503), AWS (S3 SlowDown, DynamoDB ThrottlingException),
/// GitHub (primary and secondary rate limits), Stripe (rate limit, lock timeout), OpenAI and Google APIs. Which of
/// those headers a resilience handler honours is what the pack shows (docs/fault-packs.md).
/// </summary>
[FaultKind("A named, documented failure shape of a well-known API (GitHub, Azure, AWS, Stripe, OpenAI, Google): its exact status, headers and body.",
    Example = """{ "Pack": "github-secondary-rate-limit" }""")]
public sealed class PackFault : Fault
{
    /// <summary>Gets the names of every pack, for example <c>github-secondary-rate-limit</c>.</summary>
    public static IReadOnlyList<string> Packs => ApiPacks.Names;

    /// <summary>Gets or sets the pack's name (one of <see cref="Packs"/>, case-insensitive).</summary>
    public string Pack { get; set; } = "";

    /// <summary>
    /// Gets or sets how long the API tells the client to wait, in whichever header the API uses (<c>Retry-After</c>,
    /// <c>x-ms-retry-after-ms</c>, <c>retry-after-ms</c>, <c>x-ratelimit-reset</c>, <c>RetryInfo</c>).
    /// Defaults to <see langword="null"/>: the pack's own typical wait.
    /// </summary>
    public TimeSpan? RetryAfter { get; set; }

    internal override void Validate(SettingPath path, List<string> errors)
    {
        base.Validate(path, errors);
        if (string.IsNullOrWhiteSpace(Pack))
        {
            errors.Add($"{path[nameof(Pack)]}: missing; known packs: {string.Join(", ", Packs)}.");
        }
        else if (ApiPacks.Find(Pack) is null)
        {
            errors.Add($"{path[nameof(Pack)]}: unknown pack '{Pack}'; known packs: {string.Join(", ", Packs)}.");
        }

        if (RetryAfter is { } wait && wait < TimeSpan.Zero)
        {
            errors.Add($"{path[nameof(RetryAfter)]}: must not be negative (was {wait}).");
        }
    }

    internal override FaultRealization Realize(RealizationContext context)
    {
        var pack = ApiPacks.Find(Pack) ?? throw new InvalidOperationException($"Unknown pack '{Pack}'.");
        return new Answer(context, request => CreateResponse(pack, request, context.Clock));
    }

    /// <summary>A fresh response every call: the standard handler disposes what it retries.</summary>
    private HttpResponseMessage CreateResponse(ApiPack pack, HttpRequestMessage? request, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var shape = new PackResponse(now, RetryAfter ?? pack.DefaultWait, now.ToUnixTimeMilliseconds().ToString("x12", System.Globalization.CultureInfo.InvariantCulture).ToUpperInvariant());
        var response = InjectedResponse.Create(request, pack.Status, clock, InjectedResponse.Text(pack.Body(shape), pack.ContentType));
        response.ReasonPhrase = pack.Reason;
        // Every pack header is a response header (none is Content-*), so none needs the content's collection.
        foreach (var (name, value) in pack.Headers(shape))
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
