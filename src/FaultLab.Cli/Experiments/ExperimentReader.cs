using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace FaultLab.Cli.Experiments;

/// <summary>
/// Reads a fault profile or an experiment file and lists every problem with its JSON path. A file is an experiment
/// when it has a <c>FaultProfile</c>, <c>Load</c> or <c>Hypothesis</c> member; otherwise it is a profile, either
/// bare (<c>{ "Faults": [...] }</c>) or under a <c>FaultLab</c> member.
/// </summary>
internal static class ExperimentReader
{
    private static readonly HashSet<string> ExperimentKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Target", "Path", "Resilience", "Load", "Hypothesis", "FaultProfile",
    };

    public static (Experiment Experiment, IReadOnlyList<string> Errors, bool IsExperiment) Read(string path)
    {
        var (root, json) = JsonFile.Read(path);
        // Configuration keys are case-insensitive everywhere else ("load" binds as Load): so is this test.
        bool isExperiment = root.GetChildren().Any(c =>
            c.Key.Equals("FaultProfile", StringComparison.OrdinalIgnoreCase) ||
            c.Key.Equals("Load", StringComparison.OrdinalIgnoreCase) ||
            c.Key.Equals("Hypothesis", StringComparison.OrdinalIgnoreCase));
        var experiment = new Experiment();
        var errors = Shape(json, isExperiment);
        if (errors.Count > 0)
        {
            // A setting of the wrong JSON kind binds as nothing or as noise: its kind is the one problem to show.
            return (experiment, errors, isExperiment);
        }

        try
        {
            if (isExperiment)
            {
                foreach (var child in root.GetChildren().Where(c => !ExperimentKeys.Contains(c.Key)))
                {
                    errors.Add($"{child.Path}: unknown setting '{child.Key}'; known: {string.Join(", ", ExperimentKeys)}.");
                }

                Bind(root, experiment, errors);
                experiment.Faults = FaultInjectionOptions.FromConfiguration(root.GetSection("FaultProfile"));
            }
            else
            {
                IConfiguration profile = root.GetSection("FaultLab").Exists() ? root.GetSection("FaultLab") : root;
                experiment.Faults = FaultInjectionOptions.FromConfiguration(profile);
            }

            errors.AddRange(experiment.Faults.Validate());
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            // A binder failure that validation did not turn into a message: still the file's fault, still one line.
            errors.Add($"$: {ex.Message}");
        }

        return (experiment, errors.Select(JsonFile.WithJsonPath).ToList(), isExperiment);
    }

    /// <summary>Formats the problems of a file the way <c>validate</c>, <c>run</c> and <c>proxy</c> all show them.</summary>
    public static string Describe(string path, IReadOnlyList<string> errors, bool isExperiment) =>
        $"{path}: invalid {(isExperiment ? "experiment" : "fault profile")}, {errors.Count} problem(s):"
        + string.Concat(errors.Select(e => Environment.NewLine + "  " + e));

    private static List<string> Shape(JsonElement root, bool isExperiment)
    {
        var errors = new List<string>();
        if (isExperiment)
        {
            foreach (string scalar in new[] { "Target", "Path", "Resilience" })
            {
                JsonShape.Expect(root, "$", scalar, JsonValueKind.String, errors);
            }

            JsonShape.Expect(root, "$", "Load", JsonValueKind.Object, errors);
            JsonShape.Expect(root, "$", "Hypothesis", JsonValueKind.Object, errors);
            if (JsonShape.Expect(root, "$", "FaultProfile", JsonValueKind.Object, errors) is { } profile)
            {
                JsonShape.ExpectProfile(profile, "$.FaultProfile", errors);
            }
        }
        else if (Member(root, "FaultLab") is { } named)
        {
            if (JsonShape.Expect(root, "$", named, JsonValueKind.Object, errors) is { } profile)
            {
                JsonShape.ExpectProfile(profile, "$." + named, errors);
            }
        }
        else
        {
            JsonShape.ExpectProfile(root, "$", errors);
        }

        return errors;
    }

    private static string? Member(JsonElement root, string name) =>
        root.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static void Bind(IConfigurationRoot root, Experiment experiment, List<string> errors)
    {
        string? target = root["Target"];
        if (target is not null)
        {
            if (Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                experiment.Target = uri;
            }
            else
            {
                errors.Add($"Target: must be an absolute http(s) URL (was '{target}').");
            }
        }

        experiment.Path = root["Path"] ?? experiment.Path;
        if (!experiment.Path.StartsWith('/'))
        {
            errors.Add($"Path: must start with '/' (was '{experiment.Path}').");
        }

        if (root["Resilience"] is { } resilience)
        {
            if (Enum.TryParse<ClientResilience>(resilience, ignoreCase: true, out var r))
            {
                experiment.Resilience = r;
            }
            else
            {
                errors.Add($"Resilience: unknown value '{resilience}'; known: {string.Join(", ", Enum.GetNames<ClientResilience>())}.");
            }
        }

        Section(root, "Load", experiment.Load, errors);
        Section(root, "Hypothesis", experiment.Hypothesis, errors);
        var load = experiment.Load;
        if (double.IsNaN(load.Rate) || load.Rate <= 0)
        {
            errors.Add($"Load:Rate: must be positive (was {load.Rate.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (load.Duration <= TimeSpan.Zero)
        {
            errors.Add($"Load:Duration: must be positive (was {load.Duration}).");
        }

        if (load.MaxConcurrency <= 0)
        {
            errors.Add($"Load:MaxConcurrency: must be positive (was {load.MaxConcurrency}).");
        }

        // NaN compares false with everything: test for the valid range, not against the invalid one.
        if (experiment.Hypothesis.MinSuccessRate is { } s && !(s >= 0 && s <= 1))
        {
            errors.Add($"Hypothesis:MinSuccessRate: must be between 0 and 1 inclusive (was {s.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (experiment.Hypothesis.MaxP99 is { } p99 && p99 < TimeSpan.Zero)
        {
            errors.Add($"Hypothesis:MaxP99: must not be negative (was {p99}).");
        }

        if (experiment.Hypothesis.MaxDropped is { } dropped && dropped < 0)
        {
            errors.Add($"Hypothesis:MaxDropped: must not be negative (was {dropped.ToString(CultureInfo.InvariantCulture)}).");
        }
    }

    private static void Section(IConfigurationRoot root, string name, object target, List<string> errors)
    {
        try
        {
            root.GetSection(name).Bind(target, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add(ex.Message.Contains($"'{name}:", StringComparison.Ordinal) ? ex.Message : $"{name}: {ex.Message}");
        }
    }
}
