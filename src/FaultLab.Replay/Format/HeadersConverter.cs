using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaultLab.Replay.Format;

/// <summary>
/// Writes a header with one value as a string and one with several as an array: most headers have one value, and
/// a one-line entry keeps cassettes short and diffs small. Reads both shapes.
/// </summary>
internal sealed class HeadersConverter : JsonConverter<Dictionary<string, List<string>>>
{
    public override Dictionary<string, List<string>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("headers must be an object of name to value (string) or values (array of strings).");
        }

        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!;
            reader.Read();
            headers[name] = reader.TokenType switch
            {
                JsonTokenType.String => [reader.GetString()!],
                JsonTokenType.StartArray => ReadValues(ref reader, name),
                _ => throw new JsonException($"header '{name}' must be a string or an array of strings."),
            };
        }

        return headers;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, List<string>> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, values) in value)
        {
            if (values.Count == 1)
            {
                writer.WriteString(name, values[0]);
                continue;
            }

            writer.WriteStartArray(name);
            foreach (string item in values)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static List<string> ReadValues(ref Utf8JsonReader reader, string name)
    {
        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.TokenType == JsonTokenType.String
                ? reader.GetString()!
                : throw new JsonException($"header '{name}' values must be strings."));
        }

        return values;
    }
}
