using System.Globalization;
using System.Text;

namespace FaultLab.Load;

/// <summary>Renders a result as plain text: the same tables as every report, columns padded to line up.</summary>
public static class TextReport
{
    /// <summary>Renders a result.</summary>
    /// <param name="result">The run.</param>
    public static string Render(LoadTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var txt = new StringBuilder();
        txt.Append(CultureInfo.InvariantCulture, $"Load test report: started {result.StartedAt:yyyy-MM-dd HH:mm:ss} UTC, ran {result.Duration.TotalSeconds:0.0} s, ")
            .Append(ReportTables.Verdict(result)).Append('\n');
        foreach (var scenario in result.Scenarios)
        {
            txt.Append("\nScenario ").Append(scenario.Name).Append('\n');
            txt.Append("Load: ").Append(string.Join("; ", scenario.Simulations)).Append('\n');
            foreach (var table in ReportTables.For(scenario))
            {
                AppendTable(txt, table);
            }
        }
        return txt.ToString();
    }

    private static void AppendTable(StringBuilder txt, ReportSection table)
    {
        txt.Append('\n').Append(table.Title).Append('\n');
        var widths = table.Columns.Select((c, i) => table.Rows.Select(r => i < r.Count ? Flat(r[i]).Length : 0).Append(c.Length).Max()).ToList();
        void Row(IReadOnlyList<string> cells) =>
            txt.Append(string.Join("  ", widths.Select((w, i) => (i < cells.Count ? Flat(cells[i]) : "").PadRight(w))).TrimEnd()).Append('\n');
        Row(table.Columns);
        txt.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var row in table.Rows)
        {
            Row(row);
        }
    }

    private static string Flat(string cell) => cell.Replace('\n', ' ');
}
