using System.Text.Json.Nodes;

namespace FaultLab.Replay.Tests.Har;

/// <summary>The hand-written HAR files under Har/Fixtures, shaped as each tool writes them, and cassette reading helpers.</summary>
internal static class HarFixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Har", "Fixtures", name);

    /// <summary>The interactions of a written cassette, as JSON, to assert on exactly what is on disk.</summary>
    public static JsonArray Interactions(string cassettePath) =>
        JsonNode.Parse(File.ReadAllText(cassettePath))!["interactions"]!.AsArray();

    public static JsonObject Entry(string harPath, int index) =>
        JsonNode.Parse(File.ReadAllText(harPath))!["log"]!["entries"]![index]!.AsObject();
}
