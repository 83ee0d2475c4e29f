using System.Text;

namespace FaultLab.Load;

/// <summary>Marked windows on the timeline charts: shaded bands under the data, labels on top of it.</summary>
internal static partial class SvgCharts
{
    private const string DefaultWindowColor = "#6b7280";
    private const double LabelCharWidth = 6.8; // 11 px semi-bold system-ui, measured on the screenshots

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
    /// Labels in the strip between the title and the plot (marker labels use the head of the plot), drawn after the
    /// data with a white halo. A label that would run into the previous one on its row moves to the next row, at the
    /// foot of the plot; when all three rows are taken it is left out rather than drawn over another.
    /// </summary>
    private static void WindowLabels(StringBuilder svg, IReadOnlyList<TimelineWindow>? windows, double xMax)
    {
        int[] rowY = [Top - 6, Top + PlotH - 6, Top + PlotH - 19];
        var rowEnds = new double[rowY.Length];
        Array.Fill(rowEnds, double.NegativeInfinity);
        foreach (var w in windows ?? [])
        {
            double width = w.Label.Length * LabelCharWidth;
            double x = Math.Min(X(w.StartSeconds, xMax) + 2, Left + PlotW - width); // near the right edge: stay inside
            int row = Array.FindIndex(rowEnds, end => end + 8 <= x);
            if (row < 0)
            {
                continue; // no room left: the band keeps its tooltip, the report's table lists it
            }

            rowEnds[row] = x + width;
            svg.Append(F("<text x=\"{0:0.#}\" y=\"{1}\" class=\"windowlabel\" fill=\"{2}\">{3}</text>", x, rowY[row], Color(w), Enc(w.Label)));
        }
    }

    private static string Color(TimelineWindow window) => window.Color is { Length: > 0 } c && IsSafeColor(c) ? c : DefaultWindowColor;

    /// <summary>Only plain colour values reach the attribute (a label is text, a colour must not be markup).</summary>
    private static bool IsSafeColor(string color) => color.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '#' or '(' or ')' or ',' or '.' or ' ' or '%');
}
