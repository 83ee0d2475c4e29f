namespace FaultLab.Load;

/// <summary>An extra table a plugin adds to a result; every report format renders it.</summary>
/// <param name="Title">Section heading.</param>
/// <param name="Columns">Column headers.</param>
/// <param name="Rows">Rows of cells, one per column.</param>
public sealed record ReportSection(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
