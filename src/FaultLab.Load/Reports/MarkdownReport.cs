using System.Globalization;
using System.Text;

namespace FaultLab.Load;

/// <summary>Renders a result as Markdown: one block of tables per scenario, verdicts right after each summary.</summary>
public static class MarkdownReport
{
    /// <summary>Renders a result.</summary>
    /// <param name="result">The run.</param>
    public static string Render(LoadTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        md.Append("# Load test report\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Started {result.StartedAt:yyyy-MM-dd HH:mm:ss} UTC, ran {result.Duration.TotalSeconds:0.0} s. ");
        md.Append("**").Append(ReportTables.Verdict(result)).Append("**\n\n");
        if (ReportTables.Distribution(result) is { } distribution)
        {
            md.Append(distribution).Append("\n\n");
        }

        if (ComparisonView.Table(result) is { } comparison)
        {
            AppendTable(md, comparison);
        }

        foreach (var scenario in result.Scenarios)
        {
            md.Append("## Scenario `").Append(scenario.Name).Append("`\n\n");
            md.Append("Load: ").Append(string.Join("; ", scenario.Simulations)).Append("\n\n");
            foreach (var table in ReportTables.For(scenario))
            {
                AppendTable(md, table);
            }
        }
        return md.ToString();
    }

    private static void AppendTable(StringBuilder md, ReportSection table)
    {
        md.Append("### ").Append(table.Title).Append("\n\n");
        md.Append("| ").Append(string.Join(" | ", table.Columns.Select(Escape))).Append(" |\n");
        md.Append('|').Append(string.Concat(table.Columns.Select(_ => "---|"))).Append('\n');
        foreach (var row in table.Rows)
        {
            md.Append("| ").Append(string.Join(" | ", row.Select(Escape))).Append(" |\n");
        }

        md.Append('\n');
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
