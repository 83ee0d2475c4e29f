using System.Text.Json.Serialization;

namespace FaultLab.Cli.Demo;

/// <summary>An order as the demo API returns it.</summary>
internal sealed record Order(int Id, string Status, decimal Total);

/// <summary>A payment as the demo API returns it.</summary>
internal sealed record Payment(int Id, string Status);

/// <summary>The token endpoint's answer.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>Source-generated JSON for the demo's types.</summary>
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Payment))]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class DemoJson : JsonSerializerContext;
