using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;

namespace FaultLab.Benchmarks;

/// <summary>
/// One job for every suite, sized for a shared 2-core machine: one process per benchmark, short iterations, enough of
/// them for a stable mean; a full run stays around ten minutes. Read ratios, not absolute times: neighbours' builds
/// slow every benchmark of a run alike, a ratio to a baseline measured in the same run much less.
/// </summary>
internal static class BenchConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithId("Bench")
            .WithLaunchCount(1)
            .WithWarmupCount(6)
            .WithIterationCount(20)
            .WithIterationTime(TimeInterval.FromMilliseconds(250)))
        .AddColumn(StatisticColumn.Median, StatisticColumn.OperationsPerSecond)
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Percentage))
        .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared));
}
