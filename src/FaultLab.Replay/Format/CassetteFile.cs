using System.Text.Json;

namespace FaultLab.Replay.Format;

/// <summary>Reads a cassette file with errors that point at the file and place, and writes it atomically.</summary>
internal static class CassetteFile
{
    /// <summary>Reads and checks the cassette at <paramref name="path"/>.</summary>
    public static CassetteDocument Load(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        CassetteDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(bytes, CassetteJson.Document);
        }
        catch (JsonException e)
        {
            // JsonException counts from zero; editors count lines and columns from one.
            long? line = e.LineNumber + 1;
            long? position = e.BytePositionInLine + 1;
            throw new CassetteFormatException(path,
                $"Cassette '{path}' is not a valid cassette at line {line}, byte {position}: {e.Message}", line, position, e);
        }

        if (document is null)
        {
            throw new CassetteFormatException(path, $"Cassette '{path}' holds JSON null instead of a cassette object.");
        }

        Check(path, document);
        return document;
    }

    /// <summary>Writes <paramref name="document"/> atomically (see <see cref="AtomicFile"/>).</summary>
    public static Task SaveAsync(string path, CassetteDocument document) =>
        AtomicFile.WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(document, CassetteJson.Document));

    private static void Check(string path, CassetteDocument document)
    {
        if (document.Version != CassetteDocument.CurrentVersion)
        {
            throw new CassetteFormatException(path,
                $"Cassette '{path}' has format version {document.Version}; this FaultLab.Replay reads version {CassetteDocument.CurrentVersion}.");
        }

        for (int i = 0; i < document.Interactions.Count; i++)
        {
            var interaction = document.Interactions[i];
            string where = $"Cassette '{path}', interaction {i}";
            if (interaction is null || interaction.Request is null || interaction.Response is null)
            {
                throw new CassetteFormatException(path, $"{where}: needs both a request and a response.");
            }

            // Unix paths parse as absolute file: URIs, so the scheme is checked too.
            if (!Uri.TryCreate(interaction.Request.Uri, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new CassetteFormatException(path, $"{where}: request uri '{interaction.Request.Uri}' is not an absolute http(s) URL.");
            }

            if (interaction.Response.Status is < 100 or > 599)
            {
                throw new CassetteFormatException(path, $"{where}: response status {interaction.Response.Status} is not an HTTP status.");
            }

            CheckBody(path, $"{where}, request body", interaction.Request.Body);
            CheckBody(path, $"{where}, response body", interaction.Response.Body);
        }
    }

    private static void CheckBody(string path, string where, BodyRecord? body)
    {
        switch (body?.Encoding)
        {
            case null or BodyRecord.JsonEncoding or BodyRecord.TextEncoding:
                return;
            case BodyRecord.Base64Encoding:
                if (body.Base64 is null || !Convert.TryFromBase64String(body.Base64, new byte[body.Base64.Length], out _))
                {
                    throw new CassetteFormatException(path, $"{where}: 'base64' is not valid base64.");
                }

                return;
            default:
                throw new CassetteFormatException(path,
                    $"{where}: unknown encoding '{body.Encoding}' (expected '{BodyRecord.JsonEncoding}', '{BodyRecord.TextEncoding}' or '{BodyRecord.Base64Encoding}').");
        }
    }
}
