using System.Text.Json;

namespace FaultLab.Load;

/// <summary>One agent's JSON report read back: the parts of a <see cref="LoadTestResult"/> a merge needs.</summary>
internal sealed class AgentResultFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string Path { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public double DurationSeconds { get; set; }

    public string? ScheduleFingerprint { get; set; }

    public AgentRun? Agent { get; set; }

    public List<ScenarioFile> Scenarios { get; set; } = [];

    /// <summary>Reads a JSON report; every failure names the file.</summary>
    public static AgentResultFile Read(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new AgentResultsException($"{path}: cannot be read ({ex.Message}).", ex);
        }

        return Parse(json, path);
    }

    /// <summary>Parses a JSON report's text; <paramref name="path"/> names it in messages.</summary>
    public static AgentResultFile Parse(string json, string path)
    {
        AgentResultFile? file;
        try
        {
            file = JsonSerializer.Deserialize<AgentResultFile>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new AgentResultsException($"{path}: not a FaultLab.Load JSON report ({ex.Message}).", ex);
        }

        if (file is null || file.Scenarios.Count == 0)
        {
            throw new AgentResultsException($"{path}: not a FaultLab.Load JSON report (no scenarios).");
        }

        file.Path = path;
        if (file.Agent is null)
        {
            throw new AgentResultsException(
                $"{path}: not an agent's result (no \"agent\" block): run each agent with LoadTestOptions.Agent or {LoadAgent.IndexVariable}/{LoadAgent.CountVariable}.");
        }

        if (string.IsNullOrEmpty(file.ScheduleFingerprint))
        {
            throw new AgentResultsException($"{path}: has no \"scheduleFingerprint\"; it was written by an older FaultLab.Load.");
        }

        foreach (var scenario in file.Scenarios)
        {
            if (scenario.Stats is null || scenario.Histograms is null || scenario.Histograms.Intervals.Count != scenario.Timeline.Count)
            {
                throw new AgentResultsException(
                    $"{path}: scenario '{scenario.Name}' has no histograms (or not one per timeline point); it was written by an older FaultLab.Load.");
            }
        }

        return file;
    }

    /// <summary>A scenario's part of the report.</summary>
    internal sealed class ScenarioFile
    {
        public string Name { get; set; } = "";

        public ScenarioStats? Stats { get; set; }

        public DateTimeOffset MeasuredStartedAt { get; set; }

        public List<TimelinePoint> Timeline { get; set; } = [];

        public List<ThresholdResult> Thresholds { get; set; } = [];

        public List<string> Simulations { get; set; } = [];

        public string? AbortReason { get; set; }

        public ScenarioHistograms? Histograms { get; set; }

        public Dictionary<string, double> CustomMetrics { get; set; } = [];

        public List<TimelineMarker> Markers { get; set; } = [];

        public List<ReportSection> Sections { get; set; } = [];
    }
}
