using System.Text;

namespace FaultLab.Load;

/// <summary>Marked windows on the timeline charts: shaded bands under the data, labels on top of it.</summary>
internal static partial class SvgCharts
{
    private const string DefaultWindowColor = "#6b7280";
    private const double LabelCharWidth = 6.2; // 11 px system-ui, enough to keep neighbouring labels apart
    private const int LabelRows = 3;

    /// <summary>Shaded bands, drawn before the gridlines and the data so both stay readable through them.</summary>
    private static void Windows(StringBuilder svg, IReadOnlyList<TimelineWindow>? windows, double xMax)
    {
        foreach (var w in windows ?? [])
        {
            var (x0, x1) = (X(w.StartSeconds, xMax), X(w.EndSeconds, xMax));
            svg.Append(F("<rect class=\"window\" x=\"{0:0.#}\" y=\"{1}\" width=\"{2:0.#}\" height=\"{3}\" fill=\"{4}\" fill-opacity=\"0.13\"><title>{5}: {6:0.00}–{7:0.00} s</title></rect>",
                x0, Top, Math.Max(x1 - x0, 1.5), PlotH, Color(w), Enc(w.Label), w.StartSeconds, w.EndSeconds));
            svg.Append(F("<rect x=\"{0:0.#}\" y=\"{1}\" width=\"{2:0.#}\" height=\"4\" fill=\"{3}\" fill-opacity=\"0.7\"/>", x0, Top + PlotH, Math.Max(x1 - x0, 1.5), Color(w)));
        }
    }

    /// <summary>
    /// Labels at the foot of the plot (marker labels use the head), drawn after the data with a white halo. A label
    /// that would run into the previous one on its row moves up a row, so adjacent or overlapping windows stay legible.
    /// </summary>
    private static void WindowLabels(StringBuilder svg, IReadOnlyList<TimelineWindow>? windows, double xMax)
    {
        var rowEnds = new double[LabelRows];
        Array.Fill(rowEnds, double.NegativeInfinity);
        foreach (var w in windows ?? [])
        {
            double x = X(w.StartSeconds, xMax) + 3;
            double width = w.Label.Length * LabelCharWidth;
            x = Math.Min(x, Left + PlotW - width); // a window near the right edge keeps its label inside the plot
            int row = Array.FindIndex(rowEnds, end => end + 6 <= x);
            if (row < 0)
            {
                row = Array.IndexOf(rowEnds, rowEnds.Min());
            }

            rowEnds[row] = x + width;
            svg.Append(F("<text x=\"{0:0.#}\" y=\"{1}\" class=\"windowlabel\" fill=\"{2}\">{3}</text>", x, Top + PlotH - 6 - row * 13, Color(w), Enc(w.Label)));
        }
    }

    private static string Color(TimelineWindow window) => window.Color is { Length: > 0 } c && IsSafeColor(c) ? c : DefaultWindowColor;

    /// <summary>Only plain colour values reach the attribute (a label is text, a colour must not be markup).</summary>
    private static bool IsSafeColor(string color) => color.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '#' or '(' or ')' or ',' or '.' or ' ' or '%');
}
