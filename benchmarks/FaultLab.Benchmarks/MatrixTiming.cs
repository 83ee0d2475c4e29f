using System.Diagnostics;
using System.Globalization;
using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Benchmarks;

/// <summary>
/// Real time the resilience matrix takes: the whole default catalogue (16 faults, each in a fresh service provider on
/// the test clock) for a bare client and for the standard handler, then the full run with the seven verdicts' own
/// scenarios. One warm-up round (JIT), then <c>rounds</c> measured rounds; prints min, median and max.
/// </summary>
internal static class MatrixTiming
{
    public static async Task<int> RunAsync(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var cases = new (string Name, Func<ResilienceMatrix> Matrix, bool Verdicts)[]
        {
            ("catalogue, bare client", () => Matrix(_ => { }), false),
            ("catalogue, standard handler", () => Matrix(c => c.AddStandardResilienceHandler()), false),
            ("catalogue + 7 verdicts, bare client", () => Matrix(_ => { }), true),
            ("catalogue + 7 verdicts, standard handler", () => Matrix(c => c.AddStandardResilienceHandler()), true),
        };
        Console.WriteLine($"matrix timing: {rounds} rounds after 1 warm-up, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        foreach (var (name, matrix, verdicts) in cases)
        {
            var times = new List<double>();
            for (int i = 0; i <= rounds; i++)
            {
                var watch = Stopwatch.StartNew();
                if (verdicts)
                {
                    await matrix().RunAsync().ConfigureAwait(false);
                }
                else
                {
                    var m = matrix();
                    foreach (var variant in m.Variants)
                    {
                        await m.RunVariantAsync(variant).ConfigureAwait(false);
                    }
                }

                if (i > 0)
                {
                    times.Add(watch.Elapsed.TotalSeconds);
                }
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-42} min {times[0]:0.00} s  median {times[times.Count / 2]:0.00} s  max {times[^1]:0.00} s"));
        }

        return 0;
    }

    private static ResilienceMatrix Matrix(Action<IHttpClientBuilder> resilience) =>
        ResilienceMatrix.ForHttpClient("orders", s => resilience(s.AddHttpClient("orders", c => c.BaseAddress = new Uri("https://orders.example.test"))),
            (http, ct) => http.GetAsync("/orders/1", ct))
        .WithUnsafeCall((http, ct) => http.PostAsync("/orders", new StringContent("{}"), ct));

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
