using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaultLab.Load;

/// <summary>Writes the whole result as indented camelCase JSON.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Serialises a result.</summary>
    /// <param name="result">The run.</param>
    public static string Render(LoadTestResult result) => JsonSerializer.Serialize(result, Options);
}
