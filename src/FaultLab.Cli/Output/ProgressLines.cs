using System.Globalization;
using FaultLab.Load;
using HdrHistogram;

namespace FaultLab.Cli.Output;

/// <summary>
/// Plain progress lines for redirected output and CI, where the live widgets are off: every interval, one line per
/// client set-up with elapsed time, achieved rate, success share and p99 so far, so a long run is never silent.
/// </summary>
internal sealed class ProgressLines : IAsyncDisposable
{
    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly List<Counter> _counters = [];
    private readonly ITimer _timer;

    public ProgressLines(TextWriter output, TimeProvider time, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _output = output;
        _time = time;
        _started = time.GetTimestamp();
        _timer = time.CreateTimer(_ => Print(), null, interval, interval);
    }

    /// <summary>The interval the CLI prints at: often enough that CI never sees a 5 s silence.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    /// <summary>Wraps a scenario step so its outcomes and latencies are counted under <paramref name="name"/>.</summary>
    public Func<TContext, Task<Response>> Track<TContext>(string name, Func<TContext, Task<Response>> step)
    {
        var counter = new Counter(name);
        lock (_counters)
        {
            _counters.Add(counter);
        }

        return async context =>
        {
            long start = _time.GetTimestamp();
            bool ok = false;
            try
            {
                var response = await step(context).ConfigureAwait(false);
                ok = response.IsSuccess;
                return response;
            }
            finally
            {
                counter.Record(ok, _time.GetElapsedTime(start));
            }
        };
    }

    /// <summary>Writes one line per tracked set-up now.</summary>
    public void Print()
    {
        TimeSpan elapsed = _time.GetElapsedTime(_started);
        Counter[] counters;
        lock (_counters)
        {
            counters = [.. _counters];
        }

        foreach (var counter in counters)
        {
            string line = counter.Line(elapsed);
            lock (_output)
            {
                _output.WriteLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync() => await _timer.DisposeAsync().ConfigureAwait(false);

    private sealed class Counter(string name)
    {
        private readonly LongHistogram _latency = new(TimeSpan.FromMinutes(10).Ticks, 3);
        private long _calls;
        private long _ok;

        public void Record(bool ok, TimeSpan latency)
        {
            lock (_latency)
            {
                _calls++;
                _ok += ok ? 1 : 0;
                _latency.RecordValue(Math.Clamp(latency.Ticks, 1, _latency.HighestTrackableValue));
            }
        }

        public string Line(TimeSpan elapsed)
        {
            lock (_latency)
            {
                double seconds = Math.Max(elapsed.TotalSeconds, 0.001);
                string success = _calls == 0 ? "-" : (100.0 * _ok / _calls).ToString("0.0", CultureInfo.InvariantCulture);
                string p99 = _calls == 0 ? "-" : (_latency.GetValueAtPercentile(99) / (double)TimeSpan.TicksPerMillisecond).ToString("0", CultureInfo.InvariantCulture);
                return string.Create(CultureInfo.InvariantCulture,
                    $"progress {elapsed.TotalSeconds,4:0} s  {name}: {_calls} calls, {_calls / seconds:0.0}/s, success {success} %, p99 {p99} ms");
            }
        }
    }
}
