using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace FaultLab.Load.NBomber.Running;

using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.Contracts.Stats;
using FaultLab.Load.NBomber.CSharp;

/// <summary>
/// NBomber's JSON config (<c>LoadConfig</c>): test suite and name, target scenarios, per-scenario warm-up, load
/// simulations, max fail count and custom settings, global report settings and custom settings. Every error names
/// the setting's path; settings that cannot exist here (cluster, JSON thresholds) throw <see cref="NotSupportedException"/>.
/// </summary>
internal sealed class NBomberConfig
{
    private static readonly IConfiguration EmptyConfiguration = new ConfigurationBuilder().Build();

    private readonly Dictionary<string, IConfiguration> _customSettings = new(StringComparer.Ordinal);

    public IConfiguration GlobalCustomSettings { get; private set; } = EmptyConfiguration;

    public IConfiguration CustomSettingsFor(string scenarioName) =>
        _customSettings.TryGetValue(scenarioName, out var settings) ? settings : EmptyConfiguration;

    /// <summary>Applies the files in order onto <paramref name="context"/>; later files win.</summary>
    public NBomberContext Apply(NBomberContext context, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (!File.Exists(path))
                throw new FileNotFoundException($"NBomber config file '{path}' was not found.", path);
            using var json = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            context = ApplyRoot(context, json.RootElement, path);
        }
        return context;
    }

    private NBomberContext ApplyRoot(NBomberContext context, JsonElement root, string file)
    {
        Require(root, JsonValueKind.Object, file);
        foreach (var property in root.EnumerateObject())
        {
            var path = $"{file}: {property.Name}";
            context = property.Name switch
            {
                "TestSuite" => context with { TestSuite = String(property.Value, path) },
                "TestName" => context with { TestName = String(property.Value, path) },
                "TargetScenarios" => context with { TargetScenarios = Strings(property.Value, path) },
                "GlobalSettings" => ApplyGlobal(context, property.Value, path),
                "ClusterSettings" => throw new NotSupportedException($"{path}: cluster mode is not supported by FaultLab.Load.NBomber."),
                _ => throw new NotSupportedException($"{path}: unknown or unsupported NBomber config setting."),
            };
        }
        return context;
    }

    private NBomberContext ApplyGlobal(NBomberContext context, JsonElement global, string path)
    {
        Require(global, JsonValueKind.Object, path);
        foreach (var property in global.EnumerateObject())
        {
            var at = $"{path}:{property.Name}";
            context = property.Name switch
            {
                "ScenariosSettings" => ApplyScenarios(context, property.Value, at),
                "ReportFileName" => context with { ReportFileName = String(property.Value, at) },
                "ReportFolder" => context with { ReportFolder = String(property.Value, at) },
                "ReportFormats" => context with { ReportFormats = Strings(property.Value, at).Select((f, i) => Format(f, $"{at}:{i}")).ToList() },
                "ReportingInterval" => context.WithReportingInterval(Time(property.Value, at)),
                "GlobalCustomSettings" => SetGlobalCustom(context, property.Value),
                "EnableHintsAnalyzer" when property.Value.ValueKind == JsonValueKind.False => context,
                _ => throw new NotSupportedException($"{at}: unknown or unsupported NBomber config setting."),
            };
        }
        return context;
    }

    private NBomberContext SetGlobalCustom(NBomberContext context, JsonElement value)
    {
        GlobalCustomSettings = ToConfiguration(value);
        return context;
    }

    private NBomberContext ApplyScenarios(NBomberContext context, JsonElement list, string path)
    {
        Require(list, JsonValueKind.Array, path);
        var scenarios = context.Scenarios.ToList();
        var index = 0;
        foreach (var settings in list.EnumerateArray())
        {
            var at = $"{path}:{index++}";
            Require(settings, JsonValueKind.Object, at);
            if (!settings.TryGetProperty("ScenarioName", out var nameElement))
                throw new FormatException($"{at}:ScenarioName: required.");
            var name = String(nameElement, $"{at}:ScenarioName");
            var position = scenarios.FindIndex(s => s.ScenarioName == name);
            if (position < 0)
                throw new FormatException($"{at}:ScenarioName: no registered scenario is named '{name}'.");
            var scenario = scenarios[position];
            foreach (var property in settings.EnumerateObject())
            {
                var setting = $"{at}:{property.Name}";
                scenario = property.Name switch
                {
                    "ScenarioName" => scenario,
                    "WarmUpDuration" => scenario.WithWarmUpDuration(Time(property.Value, setting)),
                    "LoadSimulationsSettings" => scenario with { LoadSimulations = Simulations(property.Value, setting) },
                    "MaxFailCount" => scenario.WithMaxFailCount(Int(property.Value, setting)),
                    "CustomSettings" => SetCustom(scenario, property.Value),
                    "ThresholdSettings" => throw new NotSupportedException($"{setting}: thresholds in the JSON config are not supported; use Threshold.Create in code."),
                    _ => throw new NotSupportedException($"{setting}: unknown or unsupported NBomber scenario setting."),
                };
            }
            scenarios[position] = scenario;
        }
        return context with { Scenarios = scenarios };
    }

    private ScenarioProps SetCustom(ScenarioProps scenario, JsonElement value)
    {
        _customSettings[scenario.ScenarioName] = ToConfiguration(value);
        return scenario;
    }

    private static List<LoadSimulation> Simulations(JsonElement list, string path)
    {
        Require(list, JsonValueKind.Array, path);
        var result = new List<LoadSimulation>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"{path}:{index++}";
            Require(item, JsonValueKind.Object, at);
            var properties = item.EnumerateObject().ToList();
            if (properties.Count != 1)
                throw new FormatException($"{at}: a load simulation is one property such as {{ \"Inject\": [10, \"00:00:01\", \"00:00:30\"] }}.");
            var kind = properties[0];
            var args = kind.Value.ValueKind == JsonValueKind.Array ? kind.Value.EnumerateArray().ToList() : [kind.Value];
            var where = $"{at}:{kind.Name}";
            void Arity(int n)
            {
                if (args.Count != n)
                    throw new FormatException($"{where}: expects {n} values, got {args.Count}.");
            }
            try
            {
                switch (kind.Name)
                {
                    case "RampingConstant": Arity(2); result.Add(Simulation.RampingConstant(Int(args[0], where), Time(args[1], where))); break;
                    case "KeepConstant": Arity(2); result.Add(Simulation.KeepConstant(Int(args[0], where), Time(args[1], where))); break;
                    case "IterationsForConstant": Arity(2); result.Add(Simulation.IterationsForConstant(Int(args[0], where), Int(args[1], where))); break;
                    case "RampingInject": Arity(3); result.Add(Simulation.RampingInject(Int(args[0], where), Time(args[1], where), Time(args[2], where))); break;
                    case "Inject": Arity(3); result.Add(Simulation.Inject(Int(args[0], where), Time(args[1], where), Time(args[2], where))); break;
                    case "IterationsForInject": Arity(3); result.Add(Simulation.IterationsForInject(Int(args[0], where), Time(args[1], where), Int(args[2], where))); break;
                    case "InjectRandom": Arity(4); result.Add(Simulation.InjectRandom(Int(args[0], where), Int(args[1], where), Time(args[2], where), Time(args[3], where))); break;
                    case "Pause": Arity(1); result.Add(Simulation.Pause(Time(args[0], where))); break;
                    default: throw new FormatException($"{where}: unknown load simulation.");
                }
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"{where}: {ex.Message}", ex);
            }
        }
        if (result.Count == 0)
            throw new FormatException($"{path}: at least one load simulation is required.");
        return result;
    }

    private static IConfiguration ToConfiguration(JsonElement value) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(value.GetRawText()))).Build();

    private static ReportFormat Format(string value, string path) =>
        Enum.TryParse<ReportFormat>(value, ignoreCase: true, out var format) && Enum.IsDefined(format)
            ? format : throw new FormatException($"{path}: unknown report format '{value}' (Txt, Html, Csv, Md).");

    private static void Require(JsonElement element, JsonValueKind kind, string path)
    {
        if (element.ValueKind != kind)
            throw new FormatException($"{path}: expected a JSON {kind.ToString().ToLowerInvariant()}, got {element.ValueKind.ToString().ToLowerInvariant()}.");
    }

    private static string String(JsonElement element, string path)
    {
        Require(element, JsonValueKind.String, path);
        return element.GetString()!;
    }

    private static List<string> Strings(JsonElement element, string path)
    {
        Require(element, JsonValueKind.Array, path);
        return element.EnumerateArray().Select((e, i) => String(e, $"{path}:{i}")).ToList();
    }

    private static int Int(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value)
            ? value : throw new FormatException($"{path}: expected a whole number, got {element.GetRawText()}.");

    private static TimeSpan Time(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String && TimeSpan.TryParse(element.GetString(), CultureInfo.InvariantCulture, out var value)
            ? value : throw new FormatException($"{path}: expected a duration \"hh:mm:ss\", got {element.GetRawText()}.");
}
