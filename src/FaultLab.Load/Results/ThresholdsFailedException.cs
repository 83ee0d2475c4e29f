using System.Text;

namespace FaultLab.Load;

/// <summary>Thrown by <see cref="LoadTestResult.EnsureThresholdsPassed"/>; the message is a plain-text table of every rule.</summary>
public sealed class ThresholdsFailedException : Exception
{
    /// <summary>Creates the exception from a failed result.</summary>
    /// <param name="result">The failed run.</param>
    public ThresholdsFailedException(LoadTestResult result) : base(BuildMessage(result)) => Result = result;

    /// <summary>Gets the failed run.</summary>
    public LoadTestResult Result { get; }

    private static string BuildMessage(LoadTestResult result)
    {
        var failed = result.Scenarios.Sum(s => s.Thresholds.Count(t => !t.Passed));
        var header = new[] { "scenario", "rule", "status", "actual", "expected", "margin" };
        var rows = result.Scenarios.SelectMany(s => s.Thresholds)
            .Select(t => new[] { t.ScenarioName, t.Rule, t.Passed ? "pass" : "FAIL", t.Actual, t.Expected, t.Margin })
            .ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        text.Append("Load test thresholds failed: ").Append(failed).Append(" rule(s) failed.").AppendLine();
        foreach (var aborted in result.Scenarios.Where(s => s.AbortReason is not null))
        {
            text.Append("Scenario '").Append(aborted.Name).Append("' aborted: ").Append(aborted.AbortReason).AppendLine();
        }

        AppendRow(text, header, widths);
        text.AppendLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths) =>
        text.AppendLine(string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
}
