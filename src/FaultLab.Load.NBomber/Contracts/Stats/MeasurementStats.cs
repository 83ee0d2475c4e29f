namespace FaultLab.Load.NBomber.Contracts.Stats;

/// <summary>Completions of one status code, as NBomber's <c>StatusCodeStats</c>.</summary>
/// <param name="StatusCode">The code as text.</param>
/// <param name="IsError">Whether these completions are failures.</param>
/// <param name="Message">A message; empty here.</param>
/// <param name="Count">The number of completions.</param>
/// <param name="Percent">Their share of all completions of the scenario (or step), in whole percent.</param>
public sealed record StatusCodeStats(string StatusCode, bool IsError, string Message, int Count, int Percent);

/// <summary>How many completions, and how fast, as NBomber's <c>RequestStats</c>.</summary>
/// <param name="Count">The number of completions.</param>
/// <param name="RPS">Completions per second of the measured duration.</param>
/// <param name="Percent">Their share of all completions, in whole percent.</param>
public sealed record RequestStats(int Count, double RPS, int Percent);

/// <summary>Completions by latency band, as NBomber's <c>LatencyCount</c>.</summary>
/// <param name="LessOrEq800">At most 800 ms.</param>
/// <param name="More800Less1200">Above 800 ms, below 1.2 s.</param>
/// <param name="MoreOrEq1200">At least 1.2 s.</param>
public sealed record LatencyCount(int LessOrEq800, int More800Less1200, int MoreOrEq1200);

/// <summary>A latency distribution in milliseconds, as NBomber's <c>LatencyStats</c> (FaultLab's timing, see docs).</summary>
/// <param name="MinMs">Minimum.</param>
/// <param name="MeanMs">Mean.</param>
/// <param name="MaxMs">Maximum.</param>
/// <param name="Percent50">Median.</param>
/// <param name="Percent75">75th percentile.</param>
/// <param name="Percent95">95th percentile.</param>
/// <param name="Percent99">99th percentile.</param>
/// <param name="StdDev">Standard deviation.</param>
/// <param name="LatencyCount">Completions by latency band.</param>
public sealed record LatencyStats(double MinMs, double MeanMs, double MaxMs, double Percent50, double Percent75,
    double Percent95, double Percent99, double StdDev, LatencyCount LatencyCount);

/// <summary>A transferred-size distribution in bytes, as NBomber's <c>DataTransferStats</c>.</summary>
/// <param name="MinBytes">Minimum.</param>
/// <param name="MeanBytes">Mean.</param>
/// <param name="MaxBytes">Maximum.</param>
/// <param name="Percent50">Median.</param>
/// <param name="Percent75">75th percentile.</param>
/// <param name="Percent95">95th percentile.</param>
/// <param name="Percent99">99th percentile.</param>
/// <param name="StdDev">Standard deviation.</param>
/// <param name="AllBytes">Sum of all sizes.</param>
public sealed record DataTransferStats(long MinBytes, long MeanBytes, long MaxBytes, long Percent50, long Percent75,
    long Percent95, long Percent99, double StdDev, long AllBytes);

/// <summary>One outcome's statistics (successes or failures), as NBomber's <c>MeasurementStats</c>.</summary>
/// <param name="Request">Counts and rate.</param>
/// <param name="Latency">Latency distribution.</param>
/// <param name="DataTransfer">Size distribution.</param>
/// <param name="StatusCodes">Status codes of this outcome.</param>
public sealed record MeasurementStats(RequestStats Request, LatencyStats Latency, DataTransferStats DataTransfer, StatusCodeStats[] StatusCodes);

/// <summary>One step's statistics, as NBomber's <c>StepStats</c>.</summary>
/// <param name="StepName">The step.</param>
/// <param name="Ok">Successful runs.</param>
/// <param name="Fail">Failed runs.</param>
/// <param name="SortIndex">The order in which the step first ran.</param>
public sealed record StepStats(string StepName, MeasurementStats Ok, MeasurementStats Fail, int SortIndex);

/// <summary>The last load simulation of a scenario, as NBomber's <c>LoadSimulationStats</c>.</summary>
/// <param name="SimulationName">Its kind, as NBomber names it ("inject", "keep_constant", …).</param>
/// <param name="Value">Its rate or copies.</param>
public sealed record LoadSimulationStats(string SimulationName, int Value);
