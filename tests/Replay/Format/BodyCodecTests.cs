using System.Text;
using System.Text.Json;
using FaultLab.Replay.Format;

namespace FaultLab.Replay.Tests.Format;

public sealed class BodyCodecTests
{
    [Fact]
    public void Json_is_embedded_as_json_and_written_pretty_printed()
    {
        var body = BodyCodec.Encode("""{"id":1,"tags":["a","b"]}"""u8.ToArray(), "application/problem+json");

        Assert.Equal(BodyRecord.JsonEncoding, body!.Encoding);
        string written = JsonSerializer.Serialize(body, CassetteJson.File);
        Assert.Contains("\"json\": {\n    \"id\": 1,\n    \"tags\": [\n", written);
        Assert.Equal("""{"id":1,"tags":["a","b"]}""", Encoding.UTF8.GetString(BodyCodec.Decode(body)));
    }

    [Fact]
    public void Text_stays_text_byte_for_byte()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("line one\r\nlíne twø <b>+</b>\n");
        var body = BodyCodec.Encode(bytes, "text/html");

        Assert.Equal(BodyRecord.TextEncoding, body!.Encoding);
        Assert.Equal(bytes, BodyCodec.Decode(body));
        Assert.Contains("líne twø <b>+</b>", JsonSerializer.Serialize(body, CassetteJson.File));
    }

    [Theory]
    [InlineData("application/octet-stream")]
    [InlineData(null)]
    public void Binary_is_base64_with_its_encoding_named(string? mediaType)
    {
        byte[] bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var body = BodyCodec.Encode(bytes, mediaType);

        Assert.Equal(BodyRecord.Base64Encoding, body!.Encoding);
        Assert.Equal(bytes, BodyCodec.Decode(body));
    }

    [Fact]
    public void Json_that_does_not_parse_is_kept_as_text()
    {
        byte[] bytes = "{\"a\":1,\"a\":2"u8.ToArray();
        var body = BodyCodec.Encode(bytes, "application/json");

        Assert.Equal(BodyRecord.TextEncoding, body!.Encoding);
        Assert.Equal(bytes, BodyCodec.Decode(body));
    }

    [Fact]
    public void An_empty_body_is_left_out()
    {
        Assert.Null(BodyCodec.Encode([], "application/json"));
        Assert.Empty(BodyCodec.Decode(null));
    }

    [Fact]
    public void Json_with_duplicate_property_names_nested_anywhere_is_stored_as_text()
    {
        // Parsed lazily, such JSON would throw later, in redaction or comparison, failing the live request.
        const string Json = """{"outer":{"a":1,"a":2}}""";

        var body = BodyCodec.Encode(Encoding.UTF8.GetBytes(Json), "application/json");

        Assert.Equal(BodyRecord.TextEncoding, body!.Encoding);
        Assert.Equal(Json, body.Text);
    }
}
