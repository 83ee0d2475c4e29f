using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Control;

/// <summary>Maps FaultLab's control API. Opt-in (nothing is mapped unless you call it) and loopback only unless allowed.</summary>
/// <remarks>
/// <list type="table">
/// <item><term><c>GET {prefix}</c></term><description>The state: on/off, profile name, faults with ids, leases.</description></item>
/// <item><term><c>POST {prefix}/faults</c></term><description>Adds the fault in the body (one element of a profile's <c>Faults</c>); 201 with its id.</description></item>
/// <item><term><c>PUT/DELETE {prefix}/faults/{id}</c></term><description>Changes or removes one fault; 404 for an unknown id.</description></item>
/// <item><term><c>PUT {prefix}/enabled</c></term><description><c>{"enabled": false}</c> turns every fault off, <c>true</c> back on.</description></item>
/// <item><term><c>POST {prefix}/reset</c></term><description>Back to the starting profile; counters restart.</description></item>
/// <item><term><c>GET {prefix}/counters</c></term><description>Requests forwarded and faults injected by name.</description></item>
/// <item><term><c>POST {prefix}/leases?seconds=N</c></term><description>Adds a profile's faults under a lease; 201 with the lease.</description></item>
/// <item><term><c>PUT/DELETE {prefix}/leases/{id}</c></term><description>Renews or ends a lease; 404 once it ended or expired.</description></item>
/// </list>
/// Invalid bodies get 400 <c>application/problem+json</c> whose <c>errors</c> name each setting's path, exactly as
/// profile validation does.
/// </remarks>
public static class FaultControlEndpoints
{
    /// <summary>The default route prefix, <c>/faultlab</c>.</summary>
    public const string DefaultPrefix = "/faultlab";

    /// <summary>Maps the control API over <paramref name="controller"/> (or the container's <see cref="FaultController"/>).</summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="controller">The controller; resolved from the container when omitted (see <c>AddFaultControl</c>).</param>
    /// <param name="prefix">The route prefix. Defaults to <see cref="DefaultPrefix"/>.</param>
    /// <param name="allowRemote">Whether callers from other machines are served; by default only loopback callers are, others get 403.</param>
    /// <returns>The route group, for further conventions (authorization, ...).</returns>
    public static RouteGroupBuilder MapFaultControl(this IEndpointRouteBuilder endpoints, FaultController? controller = null,
        string prefix = DefaultPrefix, bool allowRemote = false)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        controller ??= endpoints.ServiceProvider.GetRequiredService<FaultController>();
        var group = endpoints.MapGroup(prefix);
        if (!allowRemote)
        {
            group.AddEndpointFilter(async (context, next) =>
                context.HttpContext.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote)
                    ? Results.Problem("The FaultLab control API only serves loopback callers.", statusCode: StatusCodes.Status403Forbidden)
                    : await next(context).ConfigureAwait(false));
        }

        // A change valid alone but not beside the faults in force (a name already in use) is refused, and undone, by the
        // controller: the caller's error, answered as every other refusal is rather than as a server error.
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context).ConfigureAwait(false);
            }
            catch (ArgumentException ex) when (ex.ParamName is "fault" or "profile")
            {
                return Invalid([ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal)]);
            }
        });
        group.MapGet("", () => Results.Json(ControlWire.State(controller)));
        group.MapGet("/counters", () => Results.Json(ControlWire.Counters(controller.GetCounters())));
        group.MapPost("/faults", async (HttpRequest request) =>
        {
            var fault = FaultJson.ReadFault(await ReadBodyAsync(request).ConfigureAwait(false), out var errors);
            return fault is null ? Invalid(errors) : Results.Json(new JsonObject { ["id"] = controller.Add(fault) }, statusCode: StatusCodes.Status201Created);
        });
        group.MapPut("/faults/{id}", async (string id, HttpRequest request) =>
        {
            var fault = FaultJson.ReadFault(await ReadBodyAsync(request).ConfigureAwait(false), out var errors);
            return fault is null ? Invalid(errors) : controller.Replace(id, fault) ? Results.Json(new JsonObject { ["id"] = id }) : UnknownFault(id);
        });
        group.MapDelete("/faults/{id}", (string id) => controller.Remove(id) ? Results.NoContent() : UnknownFault(id));
        group.MapPut("/enabled", async (HttpRequest request) =>
        {
            var body = ParseObject(await ReadBodyAsync(request).ConfigureAwait(false));
            if (body?["enabled"] is not JsonValue value || !value.TryGetValue(out bool enabled))
            {
                return Invalid(["enabled: must be true or false."]);
            }

            controller.SetEnabled(enabled);
            return Results.Json(ControlWire.State(controller));
        });
        group.MapPost("/reset", () =>
        {
            controller.Reset();
            return Results.NoContent();
        });
        group.MapPost("/leases", async (HttpRequest request, double? seconds) =>
        {
            if (seconds is <= 0)
            {
                return Invalid([$"seconds: must be positive (was {seconds})."]);
            }

            var profile = FaultJson.ReadProfile(await ReadBodyAsync(request).ConfigureAwait(false), out var errors);
            if (errors.Count > 0)
            {
                return Invalid(errors);
            }

            var lease = controller.Lease(profile, seconds is { } s ? TimeSpan.FromSeconds(s) : null);
            return Results.Json(ControlWire.Lease(lease), statusCode: StatusCodes.Status201Created);
        });
        group.MapPut("/leases/{id}", (string id, double? seconds) =>
            controller.Renew(id, seconds is > 0 and var s ? TimeSpan.FromSeconds(s) : null) is { } lease
                ? Results.Json(ControlWire.Lease(lease))
                : Results.Problem($"No lease '{id}': it ended or expired.", statusCode: StatusCodes.Status404NotFound));
        group.MapDelete("/leases/{id}", (string id) => controller.EndLease(id)
            ? Results.NoContent()
            : Results.Problem($"No lease '{id}': it ended or expired.", statusCode: StatusCodes.Status404NotFound));
        return group;
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    private static JsonObject? ParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static IResult Invalid(IReadOnlyList<string> errors) => Results.Problem(
        title: "Invalid fault profile",
        detail: string.Join(" ", errors),
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["errors"] = errors });

    private static IResult UnknownFault(string id) => Results.Problem($"No fault '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
