using System.Text.Json;
using FaultLab.Replay.Format;
using FaultLab.Replay.Har;
using FaultLab.Replay.Redaction;

namespace FaultLab.Replay;

/// <summary>
/// HAR 1.2 import and export for cassettes. Export writes a file Chrome DevTools and Firefox open (Network panel,
/// "Import HAR"); import reads what Chrome, Firefox, Fiddler and Dev Proxy write. Both directions write a file, so
/// both redact and scan for secrets exactly as recording does.
/// </summary>
public static class HarArchive
{
    /// <summary>Writes the cassette at <paramref name="cassettePath"/> as a HAR file.</summary>
    /// <param name="cassettePath">The cassette to read.</param>
    /// <param name="harPath">The HAR file to write (replaced atomically).</param>
    /// <param name="options">The redaction and secret scan to apply; <see langword="null"/> uses the defaults of <see cref="CassetteOptions"/>.</param>
    /// <returns>A task that completes once the HAR file is on disk.</returns>
    /// <exception cref="CassetteFormatException">The cassette cannot be read.</exception>
    /// <exception cref="CassetteSecretException">A secret shape is left after redaction; nothing is written.</exception>
    public static async Task ExportAsync(string cassettePath, string harPath, CassetteOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cassettePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(harPath);
        options ??= new CassetteOptions();
        string source = Path.GetFullPath(cassettePath);
        string target = Path.GetFullPath(harPath);

        // The document is read fresh from the file, so redacting it in place changes nothing but what is written.
        var interactions = CassetteFile.Load(source).Interactions;
        Protect(interactions, new Redactor(options.Redaction), options.ScanForSecrets, target);
        var document = HarExporter.Export(interactions, new DateTimeOffset(File.GetLastWriteTimeUtc(source), TimeSpan.Zero));
        await AtomicFile.WriteAsync(target, JsonSerializer.SerializeToUtf8Bytes(document, HarJson.Document)).ConfigureAwait(false);
    }

    /// <summary>Reads a HAR file and writes its HTTP exchanges, in file order, as a cassette.</summary>
    /// <param name="harPath">The HAR file to read.</param>
    /// <param name="cassettePath">The cassette to write (replaced atomically).</param>
    /// <param name="options">The redaction and secret scan to apply; <see langword="null"/> uses the defaults of <see cref="CassetteOptions"/>.</param>
    /// <returns>How many interactions were written and which entries were skipped, and why.</returns>
    /// <exception cref="HarFormatException">The file is not a HAR file.</exception>
    /// <exception cref="CassetteSecretException">A secret shape is left after redaction; nothing is written.</exception>
    public static async Task<HarImportResult> ImportAsync(string harPath, string cassettePath, CassetteOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(harPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(cassettePath);
        options ??= new CassetteOptions();
        string target = Path.GetFullPath(cassettePath);
        var document = Read(Path.GetFullPath(harPath));
        var redactor = new Redactor(options.Redaction);
        var (interactions, skipped) = HarImporter.Import(document, redactor);
        Protect(interactions, redactor, options.ScanForSecrets, target);
        await CassetteFile.SaveAsync(target, new CassetteDocument { Interactions = interactions }).ConfigureAwait(false);
        string? creator = document.Log?.Creator is { Name: { } name } c ? $"{name} {c.Version}".Trim() : null;
        return new HarImportResult(target, interactions.Count, skipped, creator);
    }

    /// <summary>Reads a HAR file, with errors naming the file and place.</summary>
    internal static HarDocument Read(string path)
    {
        HarDocument? document;
        try
        {
            // Windows tools (Fiddler, a HAR saved from an editor) often start the file with a UTF-8 byte order mark.
            ReadOnlySpan<byte> bytes = File.ReadAllBytes(path);
            document = JsonSerializer.Deserialize(bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes, HarJson.Document);
        }
        catch (JsonException e)
        {
            throw new HarFormatException(path, $"'{path}' is not a valid HAR file at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}", e);
        }

        return document?.Log?.Entries is not null
            ? document
            : throw new HarFormatException(path, $"'{path}' is not a HAR file: it needs a \"log\" object with an \"entries\" array.");
    }

    /// <summary>Redacts and scans as recording does: what is about to be written never holds a secret shape.</summary>
    private static void Protect(List<Interaction> interactions, Redactor redactor, bool scanForSecrets, string target)
    {
        var findings = new List<string>();
        for (int i = 0; i < interactions.Count; i++)
        {
            redactor.Redact(interactions[i].Request);
            redactor.Redact(interactions[i].Response);
            if (scanForSecrets)
            {
                findings.AddRange(SecretScanner.Scan(interactions[i]).Select(f => $"{f} of interaction {i}"));
            }
        }

        if (findings.Count > 0)
        {
            throw new CassetteSecretException(target, findings);
        }
    }
}
