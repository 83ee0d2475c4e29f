using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace FaultLab.Benchmarks;

/// <summary>
/// A cross-check of part 1 for a busy machine: BenchmarkDotNet measures each case in its own process minutes apart,
/// so neighbours' load that comes and goes lands in the ratio. Here each case alternates with the bare client in
/// short slices, in one process, and the median of the slice-by-slice ratios is reported: load that changes more
/// slowly than a slice cancels out. Run: dotnet run -c Release -- paired
/// </summary>
internal static class PairedCheck
{
    private const int RequestsPerSlice = 2000;
    private const int Rounds = 1000;

    public static int Run()
    {
        var cases = new HandlerOverheadBenchmarks();
        cases.Setup();
        try
        {
            Func<Task<HttpStatusCode>> bare = cases.Bare;
            var variants = new (string Name, Func<Task<HttpStatusCode>> Send)[]
            {
                ("Bare HttpClient (A/A: noise floor)", cases.Bare),
                ("FaultLab idle: other host", cases.IdleOtherHost),
                ("FaultLab idle: rate 0", cases.IdleRateZero),
                ("FaultLab firing: 503, empty body", cases.FiringEmptyBody),
                ("FaultLab firing: 503, problem+json", cases.FiringProblemBody),
                ("Polly chaos idle: rate 0", cases.PollyIdle),
                ("Polly chaos firing: 503", cases.PollyFiring),
            };
            foreach (var (_, send) in variants)
            {
                Slice(send); // JIT and tiering before anything is timed
                Slice(send);
            }

            Console.WriteLine($"paired slices: {Rounds} rounds x {RequestsPerSlice} requests, ratio to bare (median [p25..p75])");
            foreach (var (name, send) in variants)
            {
                var ratios = new double[Rounds];
                for (int i = 0; i < Rounds; i++)
                {
                    // Alternate who goes first, so a slice boundary effect does not favour either side.
                    double a, b;
                    if (i % 2 == 0)
                    {
                        a = Slice(send);
                        b = Slice(bare);
                    }
                    else
                    {
                        b = Slice(bare);
                        a = Slice(send);
                    }

                    ratios[i] = a / b;
                }

                Array.Sort(ratios);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-38} {ratios[Rounds / 2],6:0.000}  [{ratios[Rounds / 4]:0.000}..{ratios[3 * Rounds / 4]:0.000}]"));
            }
        }
        finally
        {
            cases.Cleanup();
        }

        return 0;
    }

    private static double Slice(Func<Task<HttpStatusCode>> send)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < RequestsPerSlice; i++)
        {
            // The in-memory handler completes synchronously, so this never blocks.
            send().GetAwaiter().GetResult();
        }

        return Stopwatch.GetElapsedTime(start).TotalNanoseconds;
    }
}
