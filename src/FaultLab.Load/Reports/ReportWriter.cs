namespace FaultLab.Load;

/// <summary>Writes report files; public so code that enriches a result later can write (or rewrite) them.</summary>
public static class ReportWriter
{
    /// <summary>Writes the selected formats into <paramref name="folder"/> and returns the file paths.</summary>
    /// <param name="result">The run.</param>
    /// <param name="folder">Destination folder, created if missing.</param>
    /// <param name="formats">Formats to write.</param>
    /// <param name="fileName">Base file name without extension.</param>
    public static IReadOnlyList<string> WriteAll(LoadTestResult result, string folder, ReportFormats formats, string fileName = "load-report")
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        void Write(ReportFormats format, string extension, Func<string> render)
        {
            if (!formats.HasFlag(format))
            {
                return;
            }

            var path = Path.Combine(folder, fileName + extension);
            File.WriteAllText(path, render(), new System.Text.UTF8Encoding(false));
            files.Add(path);
        }
        Write(ReportFormats.Markdown, ".md", () => MarkdownReport.Render(result));
        Write(ReportFormats.Json, ".json", () => JsonReport.Render(result));
        Write(ReportFormats.Html, ".html", () => HtmlReport.Render(result));
        Write(ReportFormats.Csv, ".csv", () => CsvReport.Render(result));
        Write(ReportFormats.Txt, ".txt", () => TextReport.Render(result));
        if (formats.HasFlag(ReportFormats.HdrIntervalLog))
        {
            var path = Path.Combine(folder, fileName + ".hlog");
            HdrIntervalLogWriter.Write(path, result);
            files.Add(path);
        }
        return files;
    }
}
