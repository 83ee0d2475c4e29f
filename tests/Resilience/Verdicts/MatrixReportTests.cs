using FaultLab.Testing;

namespace FaultLab.Tests.Verdicts;

public sealed class MatrixReportTests
{
    [Fact]
    public async Task Table_Markdown_and_HTML_show_every_row_and_verdict()
    {
        var bare = await MatrixClients.Bare().Only("503 once", "1-minute outage (refused)").Expect("503 once", MatrixOutcome.Survived).RunAsync();
        var fallback = await MatrixClients.StandardWithFallback().Only("503 once", "1-minute outage (refused)").RunAsync();

        string table = bare.ToTable();
        Assert.Contains("503 once                   Failed (expected Survived)  503", table, StringComparison.Ordinal);
        Assert.Contains("5. FAIL  stops hammering an outage: attempts per second fell only 0 %", table, StringComparison.Ordinal);

        string md = fallback.ToMarkdown();
        Assert.Contains("| 1-minute outage (refused) | Degraded | 200 (fallback) | 4 |", md, StringComparison.Ordinal);
        Assert.Contains("| 5. stops hammering an outage | pass |", md, StringComparison.Ordinal);

        string side = MatrixReport.SideBySide([("bare", bare), ("resilient", fallback)]);
        Assert.Contains("| 1-minute outage (refused) | failed (HttpRequestException, 1×, 0 s) | degraded (200 (fallback), 4×,", side, StringComparison.Ordinal);

        string html = MatrixReport.Html("matrix", [("bare", bare), ("resilient", fallback)]);
        Assert.Contains("<td class=\"cell failed mismatch\"><b>Failed</b> 503", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"cell degraded\"><b>Degraded</b> 200 (fallback)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);    // self-contained: nothing to fetch
        Assert.DoesNotContain("href=", html, StringComparison.Ordinal);

        if (Environment.GetEnvironmentVariable("FAULTLAB_MATRIX_HTML") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, html);
        }
    }
}
