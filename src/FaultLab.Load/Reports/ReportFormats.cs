namespace FaultLab.Load;

/// <summary>Report files to write; combine with |.</summary>
[Flags]
public enum ReportFormats
{
    /// <summary>No files.</summary>
    None = 0,
    /// <summary>A Markdown summary.</summary>
    Markdown = 1,
    /// <summary>Machine-readable JSON.</summary>
    Json = 2,
    /// <summary>A self-contained HTML page with charts.</summary>
    Html = 4,
    /// <summary>An HdrHistogram v1.3 interval log (one tag per scenario), mergeable across machines.</summary>
    HdrIntervalLog = 8,
    /// <summary>One CSV row per scenario and per step.</summary>
    Csv = 16,
    /// <summary>The report tables as plain text.</summary>
    Txt = 32,
    /// <summary>Every format.</summary>
    All = Markdown | Json | Html | HdrIntervalLog | Csv | Txt,
}
