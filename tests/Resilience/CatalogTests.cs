using System.Text.RegularExpressions;
using FaultLab.Testing;
using Microsoft.Extensions.Configuration;

namespace FaultLab.Tests;

/// <summary>The catalogue is the one list of fault kinds: every kind in it binds from JSON, can be scripted, and has a
/// row in README's catalogue (tests/Proxy/CatalogRealizationTests proves the proxy realizes each one).</summary>
public sealed class CatalogTests
{
    public static TheoryData<string> Kinds() => [.. FaultCatalog.Kinds.Select(k => k.Name)];

    [Fact]
    public void The_catalogue_is_read_from_the_fault_types_and_names_each_kind_once()
    {
        var names = FaultCatalog.Kinds.Select(k => k.Name).ToList();

        Assert.Contains("Latency", names);
        Assert.Contains("InvalidResponse", names);
        Assert.DoesNotContain("Scripted", names); // a script is code only: its steps are faults, not JSON
        Assert.Equal(names.Distinct(StringComparer.OrdinalIgnoreCase).Count(), names.Count);
        Assert.All(FaultCatalog.Kinds, k => Assert.Equal(k.Name, k.Create().Kind));
        Assert.All(FaultCatalog.Kinds, k => Assert.False(string.IsNullOrWhiteSpace(k.Description), k.Name));
        Assert.Same(FaultCatalog.Find("latency"), FaultCatalog.Find("Latency"));
        Assert.Null(FaultCatalog.Find("Latancy"));
    }

    [Fact]
    public void A_kind_is_its_type_name_without_the_Fault_suffix_sorted_ordinally()
    {
        Assert.Equal("Status", FaultCatalog.NameOf(typeof(StatusFault)));
        Assert.Equal("Fault", FaultCatalog.NameOf(typeof(Fault)));             // the suffix alone is kept
        Assert.Equal("FaultTarget", FaultCatalog.NameOf(typeof(FaultTarget))); // no suffix, nothing removed
        Assert.Equal("DnsFailure", new DnsFailureFault().Kind);
        var names = FaultCatalog.Kinds.Select(k => k.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal("Status", FaultCatalog.Find("STATUS")!.ToString());
        Assert.Equal(typeof(StatusFault), FaultCatalog.Find("status")!.OptionsType);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_binds_from_JSON_to_its_options_type(string kind)
    {
        var entry = FaultCatalog.Find(kind)!;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FaultLab:Faults:0:Kind"] = kind,
            ["FaultLab:Faults:0:InjectionRate"] = "0.5",
        }).Build();

        var profile = FaultInjectionOptions.FromConfiguration(configuration.GetSection("FaultLab"));
        var example = entry.CreateExample();

        Assert.IsType(entry.OptionsType, Assert.Single(profile.Faults));
        Assert.Equal(0.5, profile.Faults[0].InjectionRate);
        Assert.IsType(entry.OptionsType, example);
        Assert.Equal(kind, example.Kind);
    }

    [Fact]
    public void An_example_that_does_not_validate_is_refused_with_every_problem()
    {
        // Every shipped example validates (above); the check guards a new kind whose example was mistyped.
        var kind = new FaultKind("Status", typeof(StatusFault), "a status", """{ "StatusCode": 200, "InjectionRate": 2 }""");

        var error = Assert.Throws<InvalidOperationException>(kind.CreateExample);

        Assert.Equal("The catalogue example of Status does not validate: Faults:0:InjectionRate: must be between 0 and 1 inclusive (was 2). " +
            "Faults:0:StatusCode: must be an error status from 400 to 599 (was 200).", error.Message);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_checks_the_settings_every_fault_shares_as_well_as_its_own(string kind)
    {
        var valid = new FaultInjectionOptions { Faults = { FaultCatalog.Find(kind)!.CreateExample() } };
        var example = FaultCatalog.Find(kind)!.CreateExample();
        example.InjectionRate = 1.5;
        var invalid = new FaultInjectionOptions { Faults = { example } };

        Assert.Empty(valid.Validate());
        Assert.Equal(["Faults:0:InjectionRate: must be between 0 and 1 inclusive (was 1.5)."], invalid.Validate());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_kind_can_be_scripted_and_fires_as_a_step(string kind)
    {
        var clock = new TestClock();
        string client = $"catalog-script-{kind}";
        using var recorder = new InjectedFaultRecorder(client);
        var upstream = new FakeUpstream(clock).MapGet("/orders", """[{"id":1},{"id":2},{"id":3},{"id":4}]""");
        using var http = new HttpClient(FaultScript.CreateHandler(s => s.Fault(FaultCatalog.Find(kind)!.CreateExample(), times: 3),
            upstream, clock, clientName: client)) { BaseAddress = new Uri("https://orders.example.test") };

        // A stateful kind may let the first attempts through (a limiter's permits): at most three attempts.
        for (int attempt = 0; attempt < 3 && recorder.Faults.Count == 0; attempt++)
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30), clock);
            await clock.RunUntilComplete(SendAndReadAsync(http, cancel.Token));
        }

        var fault = Assert.Single(recorder.Faults);
        Assert.Equal((kind, "Scripted"), (fault.Kind, fault.Name));
    }

    [Fact]
    public void Every_kind_has_a_row_in_the_README_catalogue_and_every_row_is_a_kind()
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        string table = Regex.Match(readme, @"## Fault catalogue\s+(?<table>(\|.*\n)+)").Groups["table"].Value;
        var rows = Regex.Matches(table, @"^\| `(?<kind>\w+)` \|", RegexOptions.Multiline).Select(m => m.Groups["kind"].Value).ToList();

        Assert.Equal(FaultCatalog.Kinds.Select(k => k.Name).Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
    }

    private static async Task SendAndReadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("/orders", cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            // The fault's outcome: what matters here is that it was realized and reported.
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FaultLab.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FaultLab.sln not found above " + AppContext.BaseDirectory);
    }
}
