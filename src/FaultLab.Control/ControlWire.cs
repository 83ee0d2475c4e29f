using System.Text.Json.Nodes;

namespace FaultLab.Control;

/// <summary>The control API's JSON shapes, shared by the endpoints and <see cref="FaultControlClient"/>.</summary>
internal static class ControlWire
{
    public const string ProblemType = "application/problem+json";

    public static JsonObject State(FaultController controller) => new()
    {
        ["enabled"] = controller.Enabled,
        ["profile"] = controller.ProfileName,
        ["leaseDuration"] = controller.LeaseDuration.ToString("c"),
        ["faults"] = new JsonArray([.. controller.Faults.Select(Fault)]),
        ["leases"] = new JsonArray([.. controller.Leases.Select(Lease)]),
    };

    public static JsonObject Fault(ControlledFault fault) => new()
    {
        ["id"] = fault.Id,
        ["lease"] = fault.LeaseId,
        ["fault"] = WriteOrDescribe(fault.Fault),
    };

    public static JsonObject Lease(FaultLeaseInfo lease) => new()
    {
        ["id"] = lease.Id,
        ["expiresAt"] = lease.ExpiresAt,
        ["faults"] = new JsonArray([.. lease.FaultIds.Select(id => (JsonNode)id!)]),
    };

    public static JsonObject Counters(FaultCounters counters)
    {
        var injected = new JsonObject();
        foreach (var (name, count) in counters.Injected.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            injected[name] = count;
        }

        return new JsonObject { ["forwarded"] = counters.Forwarded, ["injectedTotal"] = counters.InjectedTotal, ["injected"] = injected };
    }

    /// <summary>A fault built in code with a predicate cannot be written as a setting; it is still listed.</summary>
    private static JsonObject WriteOrDescribe(Fault fault)
    {
        try
        {
            return FaultJson.Write(fault);
        }
        catch (ArgumentException)
        {
            return new JsonObject { ["Kind"] = fault.Kind, ["Name"] = fault.Name, ["CodeOnly"] = true };
        }
    }
}
