namespace FaultLab.Replay.Format;

/// <summary>Writes a file so that a reader or a crash sees the old content or the new one, never half of one.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="bytes"/> and a final newline to a temporary file beside <paramref name="path"/>,
    /// flushes it to the disk and renames it over the target.
    /// </summary>
    public static async Task WriteAsync(string path, byte[] bytes)
    {
        string directory = Path.GetDirectoryName(path) ?? ".";
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await stream.WriteAsync(bytes);
                await stream.WriteAsync("\n"u8.ToArray());
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
