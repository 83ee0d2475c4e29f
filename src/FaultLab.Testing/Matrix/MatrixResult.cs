namespace FaultLab.Testing;

/// <summary>The matrix's answer: one row per fault and the seven conformance verdicts.</summary>
/// <param name="Rows">One row per variant, in order.</param>
/// <param name="Verdicts">The seven verdicts, in rule order.</param>
public sealed record MatrixResult(IReadOnlyList<MatrixRow> Rows, IReadOnlyList<Verdict> Verdicts)
{
    /// <summary>Gets the row of the named variant.</summary>
    /// <param name="variant">The variant's name, case-insensitive.</param>
    /// <returns>The row.</returns>
    public MatrixRow this[string variant] => Rows.FirstOrDefault(r => string.Equals(r.Variant.Name, variant, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"No row named '{variant}'. Rows: {string.Join(", ", Rows.Select(r => r.Variant.Name))}.");

    /// <summary>Gets the verdict of <paramref name="rule"/>.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The verdict.</returns>
    public Verdict this[ConformanceRule rule] => Verdicts.First(v => v.Rule == rule);

    /// <summary>Gets the rows whose outcome differs from what was expected.</summary>
    public IReadOnlyList<MatrixRow> Mismatches => [.. Rows.Where(r => !r.MeetsExpectation)];

    /// <summary>Gets a value indicating whether every expectation holds.</summary>
    public bool ExpectationsMet => Mismatches.Count == 0;

    /// <summary>Throws when an expectation does not hold, listing each row that differs with its evidence.</summary>
    /// <exception cref="MatrixExpectationException">An expectation did not hold.</exception>
    public void EnsureExpectationsMet()
    {
        if (Mismatches.Count > 0)
        {
            throw new MatrixExpectationException(Mismatches);
        }
    }

    /// <summary>Gets the rows and verdicts as a plain-text table, for a console or xunit's test output.</summary>
    /// <returns>The table.</returns>
    public string ToTable() => MatrixReport.Table(this);

    /// <summary>Gets the rows and verdicts as Markdown.</summary>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown() => MatrixReport.Markdown(this);

    /// <summary>Gets a self-contained HTML page: a heatmap of the rows and the verdicts with their evidence.</summary>
    /// <param name="title">The page title.</param>
    /// <returns>The HTML.</returns>
    public string ToHtml(string title = "FaultLab resilience matrix") => MatrixReport.Html(title, [("client", this)]);
}

/// <summary>Thrown by <see cref="MatrixResult.EnsureExpectationsMet"/>: the message lists each row that differed.</summary>
public sealed class MatrixExpectationException : Exception
{
    /// <summary>Creates the exception for <paramref name="mismatches"/>.</summary>
    /// <param name="mismatches">The rows that differed.</param>
    public MatrixExpectationException(IReadOnlyList<MatrixRow> mismatches)
        : base("The resilience matrix differs from what was expected:" + Environment.NewLine + string.Join(Environment.NewLine,
            (mismatches ?? throw new ArgumentNullException(nameof(mismatches))).Select(r =>
                $"  {r.Variant.Name}: expected {r.Expected}, was {r.Outcome} ({r.Final}; {r.Attempts} attempts; waits {r.RetryDelaysText})")))
    {
        Mismatches = mismatches;
    }

    /// <summary>Gets the rows that differed.</summary>
    public IReadOnlyList<MatrixRow> Mismatches { get; }
}
