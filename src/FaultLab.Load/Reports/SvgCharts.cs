using System.Globalization;
using System.Net;
using System.Text;

namespace FaultLab.Load;

/// <summary>
/// Inline SVG charts for the HTML report, drawn here rather than by a charting script so the page needs
/// no network and renders identically everywhere (including headless screenshots).
/// </summary>
internal static partial class SvgCharts
{
    public const int Width = 1180;
    private const int Height = 270, Left = 64, Right = 150, Top = 44, Bottom = 36;
    private const int PlotW = Width - Left - Right, PlotH = Height - Top - Bottom;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    public static readonly string[] Palette = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#4b5563"];

    public sealed record Series(string Name, string Color, IReadOnlyList<(double X, double Y)> Points, bool Dashed = false);

    /// <summary>
    /// Lines over time (x in seconds), with timeline markers as labelled vertical lines. A log scale is offered
    /// because latency spans decades (0.1 ms medians, 1 s stalls) and a linear axis flattens the medians.
    /// </summary>
    public static string Lines(string title, string yUnit, IReadOnlyList<Series> series, double xMax, IReadOnlyList<TimelineMarker> markers, bool logScale = false,
        IReadOnlyList<TimelineWindow>? windows = null, double? yMax = null)
    {
        var values = series.SelectMany(s => s.Points).Select(p => p.Y).ToList();
        var scale = logScale ? Scale.Log(values) : Scale.Linear(yMax ?? values.DefaultIfEmpty(0).Max());
        var svg = Open(title);
        Windows(svg, windows, xMax);
        Axes(svg, xMax, scale, yUnit);
        foreach (var s in series.Where(s => s.Points.Count > 0))
        {
            var path = string.Join(" ", s.Points.Select((p, i) => F("{0}{1:0.#},{2:0.#}", i == 0 ? "M" : "L", X(p.X, xMax), scale.Y(p.Y))));
            svg.Append(F("<path d=\"{0}\" fill=\"none\" stroke=\"{1}\" stroke-width=\"2\"{2}/>", path, s.Color, s.Dashed ? " stroke-dasharray=\"6 4\"" : ""));
            foreach (var p in s.Points)
            {
                svg.Append(F("<circle cx=\"{0:0.#}\" cy=\"{1:0.#}\" r=\"2.5\" fill=\"{2}\"><title>{3} at {4:0.#} s: {5:0.###} {6}</title></circle>",
                    X(p.X, xMax), scale.Y(p.Y), s.Color, Enc(s.Name), p.X, p.Y, Enc(yUnit)));
            }
        }
        Legend(svg, series.Select(s => (s.Name, s.Color)).ToList());
        Markers(svg, markers, xMax);
        WindowLabels(svg, windows, xMax);
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Stacked bars per interval (e.g. status codes per second).</summary>
    public static string StackedBars(string title, IReadOnlyList<TimelinePoint> points, IReadOnlyList<string> keys, double xMax, IReadOnlyList<TimelineMarker> markers,
        IReadOnlyList<TimelineWindow>? windows = null)
    {
        var scale = Scale.Linear(points.Select(p => (double)p.StatusCodes.Values.Sum()).DefaultIfEmpty(0).Max());
        var svg = Open(title);
        Windows(svg, windows, xMax);
        Axes(svg, xMax, scale, "per interval");
        foreach (var p in points)
        {
            double stacked = 0;
            var x0 = X(p.StartSeconds, xMax);
            var w = Math.Max(X(p.StartSeconds + p.LengthSeconds, xMax) - x0 - 2, 1);
            for (var k = 0; k < keys.Count; k++)
            {
                if (!p.StatusCodes.TryGetValue(keys[k], out var count) || count == 0)
                {
                    continue;
                }

                var yTop = scale.Y(stacked + count);
                svg.Append(F("<rect x=\"{0:0.#}\" y=\"{1:0.#}\" width=\"{2:0.#}\" height=\"{3:0.#}\" fill=\"{4}\"><title>{5}: {6} in {7:0.#}–{8:0.#} s</title></rect>",
                    x0 + 1, yTop, w, scale.Y(stacked) - yTop, ColorFor(keys[k], k), Enc(keys[k]), count, p.StartSeconds, p.StartSeconds + p.LengthSeconds));
                stacked += count;
            }
        }
        Legend(svg, keys.Select((k, i) => ("status " + k, ColorFor(k, i))).ToList());
        Markers(svg, markers, xMax);
        WindowLabels(svg, windows, xMax);
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Horizontal ok/fail bars per label (status codes or tags).</summary>
    public static string OkFailBars(string title, IReadOnlyList<(string Label, long Ok, long Fail)> rows)
    {
        const int rowH = 26;
        var height = Top + 10 + Math.Max(rows.Count, 1) * rowH + 20;
        var max = Math.Max(rows.Select(r => r.Ok + r.Fail).DefaultIfEmpty(0).Max(), 1);
        var svg = new StringBuilder(F("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"{2}\">", Width, height, Enc(title)));
        svg.Append(F("<text x=\"{0}\" y=\"18\" class=\"title\">{1}</text>", Left, Enc(title)));
        const int labelW = 160, barW = Width - labelW - 260;
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, ok, fail) = rows[i];
            var y = Top + 10 + i * rowH;
            var okW = barW * (double)ok / max;
            var failW = barW * (double)fail / max;
            svg.Append(F("<text x=\"{0}\" y=\"{1}\" text-anchor=\"end\" class=\"axis\">{2}</text>", labelW - 8, y + 16, Enc(label)));
            svg.Append(F("<rect x=\"{0}\" y=\"{1}\" width=\"{2:0.#}\" height=\"18\" fill=\"#16a34a\"><title>ok {3}</title></rect>", labelW, y + 3, okW, ok));
            svg.Append(F("<rect x=\"{0:0.#}\" y=\"{1}\" width=\"{2:0.#}\" height=\"18\" fill=\"#dc2626\"><title>fail {3}</title></rect>", labelW + okW, y + 3, failW, fail));
            svg.Append(F("<text x=\"{0:0.#}\" y=\"{1}\" class=\"axis\">ok {2} · fail {3}</text>", labelW + okW + failW + 8, y + 16, ok, fail));
        }
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string title) =>
        new StringBuilder(F("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"{2}\">", Width, Height, Enc(title)))
            .Append(F("<text x=\"{0}\" y=\"18\" class=\"title\">{1}</text>", Left, Enc(title)));

    private static void Axes(StringBuilder svg, double xMax, Scale scale, string yUnit)
    {
        foreach (var v in scale.Ticks())
        {
            var y = scale.Y(v);
            svg.Append(F("<line x1=\"{0}\" y1=\"{1:0.#}\" x2=\"{2}\" y2=\"{1:0.#}\" class=\"grid\"/>", Left, y, Left + PlotW));
            svg.Append(F("<text x=\"{0}\" y=\"{1:0.#}\" text-anchor=\"end\" class=\"axis\">{2}</text>", Left - 6, y + 4, Short(v)));
        }
        var step = xMax <= 12 ? 1 : xMax <= 60 ? 5 : xMax <= 300 ? 30 : 60;
        for (double t = 0; t <= xMax + 1e-9; t += step)
        {
            svg.Append(F("<text x=\"{0:0.#}\" y=\"{1}\" text-anchor=\"middle\" class=\"axis\">{2}s</text>", X(t, xMax), Top + PlotH + 16, t));
        }

        svg.Append(F("<text x=\"{0}\" y=\"{1}\" class=\"axis\">{2}</text>", 8, Top - 12, Enc(yUnit)));
        svg.Append(F("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" class=\"axisline\"/>", Left, Top + PlotH, Left + PlotW));
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<(string Name, string Color)> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var y = Top + 8 + i * 18;
            svg.Append(F("<rect x=\"{0}\" y=\"{1}\" width=\"12\" height=\"12\" fill=\"{2}\"/><text x=\"{3}\" y=\"{4}\" class=\"axis\">{5}</text>",
                Left + PlotW + 14, y - 10, items[i].Color, Left + PlotW + 32, y, Enc(items[i].Name)));
        }
    }

    private static void Markers(StringBuilder svg, IReadOnlyList<TimelineMarker> markers, double xMax)
    {
        for (var i = 0; i < markers.Count; i++)
        {
            var x = X(markers[i].AtSeconds, xMax);
            svg.Append(F("<line x1=\"{0:0.#}\" y1=\"{1}\" x2=\"{0:0.#}\" y2=\"{2}\" class=\"marker\"/>", x, Top, Top + PlotH));
            svg.Append(F("<text x=\"{0:0.#}\" y=\"{1}\" class=\"markerlabel\">{2}</text>", x + 3, Top + 12 + (i % 3) * 12, Enc(markers[i].Label)));
        }
    }

    private static string ColorFor(string statusLabel, int index) => statusLabel switch
    {
        var s when s.StartsWith('2') => index == 0 ? "#16a34a" : "#4ade80",
        var s when s.StartsWith('3') => "#0891b2",
        var s when s.StartsWith('4') => "#d97706",
        var s when s.StartsWith('5') => "#dc2626",
        _ => "#6b7280",
    };

    /// <summary>Rounds an axis maximum up to a whole number of gridline steps (see <see cref="NiceStep"/>).</summary>
    public static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var step = NiceStep(value);
        return step * Math.Ceiling(value / step - 1e-9);
    }

    /// <summary>A gridline step of 1, 2 or 5 × 10ⁿ giving about four gridlines, so labels read 50/100/150, not 62.5/125.</summary>
    private static double NiceStep(double max)
    {
        var raw = max / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var m in new[] { 1.0, 2, 5 })
        {
            if (m * magnitude >= raw)
            {
                return m * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static double X(double seconds, double xMax) => Left + PlotW * Math.Clamp(seconds / Math.Max(xMax, 1e-9), 0, 1);
    /// <summary>A y axis: linear from 0, or logarithmic over whole decades (Min and Max are then exponents).</summary>
    private sealed record Scale(bool IsLog, double Min, double Max)
    {
        public static Scale Linear(double maxValue) => new(false, 0, NiceCeiling(maxValue));

        public static Scale Log(IEnumerable<double> values)
        {
            var positive = values.Where(v => v > 0).DefaultIfEmpty(1).ToList();
            var low = Math.Floor(Math.Log10(positive.Min()));
            return new Scale(true, low, Math.Max(Math.Ceiling(Math.Log10(positive.Max())), low + 1));
        }

        public double Y(double value) => Top + PlotH - PlotH * Math.Clamp(IsLog
            ? (Math.Log10(Math.Max(value, 1e-9)) - Min) / (Max - Min)
            : value / Max, 0, 1);

        public IEnumerable<double> Ticks() => IsLog
            ? Enumerable.Range(0, (int)(Max - Min) + 1).Select(i => Math.Pow(10, Min + i))
            : Enumerable.Range(0, (int)Math.Round(Max / NiceStep(Max)) + 1).Select(i => i * NiceStep(Max));
    }
    private static string Short(double v) => v is > 0 and < 0.01 ? F("{0:0.####}", v) : v >= 10_000 ? F("{0:0.#}k", v / 1000) : v >= 100 ? F("{0:0}", v) : F("{0:0.##}", v);
    private static string Enc(string s) => WebUtility.HtmlEncode(s);
    private static string F(string format, params object[] args) => string.Format(Inv, format, args);
}
