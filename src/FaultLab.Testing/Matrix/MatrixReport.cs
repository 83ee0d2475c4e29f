using System.Globalization;
using System.Net;
using System.Text;

namespace FaultLab.Testing;

/// <summary>Writes a matrix as a text table, Markdown, or a self-contained HTML heatmap (one column block per client set-up).</summary>
public static class MatrixReport
{
    private static readonly string[] Columns = ["fault", "outcome", "final", "attempts", "waits", "circuit", "fallback", "time"];

    /// <summary>Gets one result as a plain-text table followed by its verdicts.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The text.</returns>
    public static string Table(MatrixResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var cells = result.Rows.Select(Cells).ToList();
        int[] widths = [.. Columns.Select((c, i) => Math.Max(c.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length)))];
        var text = new StringBuilder();
        text.AppendLine(string.Join("  ", Columns.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        foreach (var row in cells)
        {
            text.AppendLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }

        if (result.Verdicts.Count > 0)
        {
            text.AppendLine();
            foreach (var verdict in result.Verdicts)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{(int)verdict.Rule}. {verdict}");
            }
        }

        return text.ToString();
    }

    /// <summary>Gets one result as Markdown: the rows, then the verdicts with their first pieces of evidence.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The Markdown.</returns>
    public static string Markdown(MatrixResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        md.AppendLine("| " + string.Join(" | ", Columns) + " |");
        md.AppendLine("|" + string.Concat(Columns.Select(_ => "---|")));
        foreach (var row in result.Rows)
        {
            md.AppendLine("| " + string.Join(" | ", Cells(row).Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }

        if (result.Verdicts.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("| rule | verdict | why |");
            md.AppendLine("|---|---|---|");
            foreach (var v in result.Verdicts)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {(int)v.Rule}. {v.Title} | {Verdict.Label(v.Outcome)} | {v.Summary.Replace("|", "\\|", StringComparison.Ordinal)} |");
            }
        }

        return md.ToString();
    }

    /// <summary>Gets several client set-ups side by side as Markdown: one outcome column per set-up, then one verdict column per set-up.</summary>
    /// <param name="setUps">Each set-up's name and result (same variants in the same order).</param>
    /// <returns>The Markdown.</returns>
    public static string SideBySide(IReadOnlyList<(string Name, MatrixResult Result)> setUps)
    {
        ArgumentNullException.ThrowIfNull(setUps);
        var md = new StringBuilder();
        md.AppendLine("| fault | " + string.Join(" | ", setUps.Select(s => s.Name)) + " |");
        md.AppendLine("|---|" + string.Concat(setUps.Select(_ => "---|")));
        foreach (var row in setUps.Count == 0 ? [] : setUps[0].Result.Rows)
        {
            md.AppendLine($"| {row.Variant.Name} | " + string.Join(" | ", setUps.Select(s => Short(s.Result[row.Variant.Name]))) + " |");
        }

        md.AppendLine();
        md.AppendLine("| rule | " + string.Join(" | ", setUps.Select(s => s.Name)) + " |");
        md.AppendLine("|---|" + string.Concat(setUps.Select(_ => "---|")));
        foreach (ConformanceRule rule in Enum.GetValues<ConformanceRule>())
        {
            string labels = string.Join(" | ", setUps.Select(s => s.Result.Verdicts.FirstOrDefault(v => v.Rule == rule) is { } v ? Verdict.Label(v.Outcome) : "-"));
            md.AppendLine(CultureInfo.InvariantCulture, $"| {(int)rule}. {ConformanceRules.Title(rule)} | {labels} |");
        }

        return md.ToString();
    }

    /// <summary>Gets a self-contained HTML page (no scripts, no external files): a heatmap with one block of columns per
    /// set-up (outcome, attempts, fake time), then each set-up's verdicts with their evidence.</summary>
    /// <param name="title">The page title.</param>
    /// <param name="setUps">Each set-up's name and result (same variants in the same order).</param>
    /// <returns>The HTML.</returns>
    public static string Html(string title, IReadOnlyList<(string Name, MatrixResult Result)> setUps)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(setUps);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title><style>").Append(Style).AppendLine("</style></head><body>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<h1>{E(title)}</h1>");
        html.AppendLine("<p class=\"legend\"><span class=\"cell survived\">survived</span> <span class=\"cell degraded\">degraded</span> <span class=\"cell failed\">failed</span> &nbsp;Each cell: outcome, final status or exception, attempts that reached the dependency, time on the run's clock (the test clock unless the matrix ran on real time).</p>");
        html.AppendLine("<table class=\"heat\"><thead><tr><th>fault</th>");
        foreach (var (name, _) in setUps)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(name)}</th>");
        }

        html.AppendLine("</tr></thead><tbody>");
        foreach (var row in setUps.Count == 0 ? [] : setUps[0].Result.Rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th title=\"{E(row.Variant.Description)}\">{E(row.Variant.Name)}<small>{E(row.Variant.Description)}</small></th>");
            foreach (var (_, result) in setUps)
            {
                var r = result[row.Variant.Name];
                string cls = r.Outcome.ToString().ToLowerInvariant();
                string mismatch = r.MeetsExpectation ? string.Empty : $"<em>expected {r.Expected}</em>";
                html.Append(CultureInfo.InvariantCulture,
                    $"<td class=\"cell {cls}{(r.MeetsExpectation ? string.Empty : " mismatch")}\"><b>{r.Outcome}</b> {E(r.Final)}<small>{Attempts(r.Attempts)} · {E(Time(r.Elapsed))}{(r.CircuitTransitions.Count > 0 ? " · circuit " + E(r.CircuitText) : string.Empty)}</small>{mismatch}</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody></table><h2>Conformance verdicts</h2><table class=\"heat\"><thead><tr><th>rule</th>");
        foreach (var (name, _) in setUps)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(name)}</th>");
        }

        html.AppendLine("</tr></thead><tbody>");
        foreach (ConformanceRule rule in Enum.GetValues<ConformanceRule>())
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>{(int)rule}. {E(ConformanceRules.Title(rule))}</th>");
            foreach (var (_, result) in setUps)
            {
                // Assigned on its own, not in the condition: a mutated condition would leave a pattern variable unassigned
                // and Stryker would drop every mutant of this method as a compile error.
                Verdict? v = result.Verdicts.FirstOrDefault(x => x.Rule == rule);
                if (v is null)
                {
                    html.Append("<td class=\"cell na\">-</td>");
                    continue;
                }

                string cls = v.Outcome switch { VerdictOutcome.Pass => "survived", VerdictOutcome.Fail => "failed", _ => "na" };
                string evidence = v.Evidence.Count == 0 ? string.Empty
                    : "<details><summary>evidence</summary><ul>" + string.Concat(v.Evidence.Take(12).Select(x => $"<li>{E(x)}</li>")) + "</ul></details>";
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"cell {cls}\"><b>{Verdict.Label(v.Outcome)}</b><small>{E(v.Summary)}</small>{evidence}</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody></table></body></html>");
        return html.ToString();
    }

    private static string[] Cells(MatrixRow r) =>
    [
        r.Variant.Name,
        r.Outcome + (r.MeetsExpectation ? string.Empty : $" (expected {r.Expected})"),
        r.Final,
        r.Attempts.ToString(CultureInfo.InvariantCulture),
        r.RetryDelaysText,
        r.CircuitText,
        r.FallbackUsed ? "yes" : "-",
        Time(r.Elapsed),
    ];

    private static string Short(MatrixRow r) => $"{r.Outcome.ToString().ToLowerInvariant()} ({r.Final}, {r.Attempts}×, {Time(r.Elapsed)})";

    private static string Attempts(int n) => n == 1 ? "1 attempt" : $"{n} attempts";

    private static string Time(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:24px;color:#1d2430}h1{font-size:22px}h2{font-size:18px;margin-top:28px}" +
        ".legend{font-size:13px;color:#555}.heat{border-collapse:separate;border-spacing:3px;font-size:13px}" +
        ".heat th{text-align:left;padding:6px 8px;background:#f1f3f6;vertical-align:top;max-width:260px}" +
        ".heat thead th{background:#2b3445;color:#fff;text-align:center}.heat th small,.cell small{display:block;font-weight:normal;color:#555;font-size:11px;margin-top:2px}" +
        ".cell{padding:6px 8px;min-width:190px;vertical-align:top;border-radius:4px}.cell.survived{background:#c8ecd0}.cell.degraded{background:#fbe7a6}" +
        ".cell.failed{background:#f6b8b3}.cell.na{background:#e4e6ea;color:#666}.cell.mismatch{outline:3px solid #b00020}.cell em{display:block;color:#b00020;font-style:normal;font-weight:bold}" +
        "details{font-size:11px;margin-top:4px}details ul{margin:4px 0 0 16px;padding:0}.legend .cell{display:inline-block;min-width:0;padding:2px 8px}";
}
