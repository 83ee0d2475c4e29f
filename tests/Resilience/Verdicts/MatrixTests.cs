using Microsoft.Extensions.DependencyInjection;
using FaultLab.Testing;
using Xunit.Abstractions;

namespace FaultLab.Tests.Verdicts;

public sealed class MatrixTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_bare_client_fails_every_connection_level_fault()
    {
        var bare = MatrixClients.Bare();
        var result = await bare.Only([.. MatrixCatalogue.Default.Where(v => v.Class == MatrixFaultClass.Connection).Select(v => v.Name)]).RunAsync();
        output.WriteLine(result.ToTable());

        Assert.Equal(["DNS failure", "connection refused", "reset before headers", "connect timeout"], result.Rows.Select(r => r.Variant.Name));
        Assert.All(result.Rows, r => Assert.Equal(MatrixOutcome.Failed, r.Outcome));
        Assert.All(result.Rows, r => Assert.Equal(1, r.Attempts));
        Assert.Equal(["HttpRequestException", "HttpRequestException", "HttpRequestException", "TaskCanceledException"], result.Rows.Select(r => r.Final));
    }

    [Fact]
    public async Task The_standard_handler_survives_the_transient_faults_and_fails_a_long_outage_unless_a_fallback_is_added()
    {
        var standard = await MatrixClients.Standard().RunAsync();
        var withFallback = await MatrixClients.StandardWithFallback().Only("1-minute outage (refused)", "503 once").RunAsync();
        output.WriteLine(standard.ToTable());

        Assert.All(standard.Rows.Where(r => r.Variant.Class is MatrixFaultClass.Transient or MatrixFaultClass.Connection),
            r => Assert.Equal(MatrixOutcome.Survived, r.Outcome));
        var outage = standard["1-minute outage (refused)"];
        Assert.Equal(MatrixOutcome.Failed, outage.Outcome);
        Assert.Equal("HttpRequestException", outage.Final);
        Assert.Equal(4, outage.Attempts);                                         // the first attempt and 3 retries
        Assert.Equal(MatrixOutcome.Degraded, withFallback["1-minute outage (refused)"].Outcome);
        Assert.True(withFallback["1-minute outage (refused)"].FallbackUsed);
        Assert.Equal(MatrixOutcome.Survived, withFallback["503 once"].Outcome);   // a retry answered: no fallback needed
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)], standard["503 burst with Retry-After"].RetryDelays);
        Assert.Equal(TimeSpan.FromSeconds(6), standard["503 burst with Retry-After"].Elapsed);
    }

    /// <summary>What the standard handler does under each default fault: one test case per fault.</summary>
    public static readonly IReadOnlyDictionary<string, (MatrixOutcome Outcome, string Final, int Attempts)> StandardHandler =
        new Dictionary<string, (MatrixOutcome, string, int)>
        {
            ["503 once"] = (MatrixOutcome.Survived, "200", 2),
            ["503 burst with Retry-After"] = (MatrixOutcome.Survived, "200", 4),
            ["503 with Retry-After date"] = (MatrixOutcome.Survived, "200", 2),
            ["429 from a rate limit"] = (MatrixOutcome.Survived, "200", 2),
            ["1-minute outage (refused)"] = (MatrixOutcome.Failed, "HttpRequestException", 4),
            ["DNS failure"] = (MatrixOutcome.Survived, "200", 2),
            ["connection refused"] = (MatrixOutcome.Survived, "200", 2),
            ["reset before headers"] = (MatrixOutcome.Survived, "200", 2),
            ["connect timeout"] = (MatrixOutcome.Survived, "200", 2),
            ["hang"] = (MatrixOutcome.Survived, "200", 2),
            ["long-tail latency"] = (MatrixOutcome.Survived, "200", 1),
            ["reset mid-body"] = (MatrixOutcome.Failed, "HttpRequestException", 1),   // body faults come after the pipeline: never retried
            ["truncated body"] = (MatrixOutcome.Failed, "HttpRequestException", 1),
            ["malformed JSON"] = (MatrixOutcome.Failed, "200, unusable body", 1),
            ["slow body"] = (MatrixOutcome.Survived, "200", 1),
            ["expired token"] = (MatrixOutcome.Failed, "401", 1),                     // 401 is not transient
            ["InvalidResponse (catalogue example)"] = (MatrixOutcome.Failed, "HttpRequestException", 4), // every attempt: retried 3 times
        };

    [Theory]
    [MemberData(nameof(MatrixCatalogue.Names), MemberType = typeof(MatrixCatalogue))]
    public async Task Each_default_fault_is_a_test_case_of_its_own(string fault)
    {
        if (!StandardHandler.TryGetValue(fault, out var expected))
        {
            // A kind registered after this table was written: its row runs from the catalogue example and must end.
            var other = await MatrixClients.Standard().RunVariantAsync(fault);
            Assert.Equal(MatrixFaultClass.Other, other.Variant.Class);
            Assert.True(other.Ended, $"{fault}: {other.Final}");
            Assert.True(other.Attempts >= 1);
            return;
        }

        var row = await MatrixClients.Standard().Expect(fault, expected.Outcome).RunVariantAsync(fault);

        Assert.True(row.MeetsExpectation, $"{fault}: {row.Outcome} ({row.Final})");
        Assert.Equal(expected.Final, row.Final);
        Assert.Equal(expected.Attempts, row.Attempts);
        Assert.True(row.Ended);
    }

    [Fact]
    public void The_catalogue_has_every_case_the_theory_expects_and_nothing_else_but_other_registered_kinds()
    {
        var names = MatrixCatalogue.Default.Select(v => v.Name).ToList();

        Assert.All(StandardHandler.Keys, k => Assert.Contains(k, names));
        Assert.All(MatrixCatalogue.Default.Where(v => !StandardHandler.ContainsKey(v.Name)), v => Assert.Equal(MatrixFaultClass.Other, v.Class));
    }

    [Fact]
    public void Every_registered_fault_kind_has_a_row_so_a_new_kind_appears_without_touching_the_matrix()
    {
        var realistic = MatrixCatalogue.Default.Where(v => v.Class != MatrixFaultClass.Other).Select(v => v.Kind).ToHashSet();
        var others = MatrixCatalogue.Default.Where(v => v.Class == MatrixFaultClass.Other).ToList();

        Assert.All(FaultCatalog.Kinds, k => Assert.True(realistic.Contains(k.Name) || others.Any(o => o.Kind == k.Name), k.Name));
        Assert.Equal(FaultCatalog.Kinds.Select(k => k.Name).Where(n => !realistic.Contains(n)), others.Select(o => o.Kind));
        Assert.Contains(others, o => o.Kind == "InvalidResponse" && o.Description == FaultCatalog.Find("InvalidResponse")!.Description);
    }

    [Fact]
    public async Task An_expectation_that_does_not_hold_throws_with_the_row_s_evidence()
    {
        var result = await MatrixClients.Bare().Only("503 once", "DNS failure")
            .Expect("503 once", MatrixOutcome.Survived).Expect("DNS failure", MatrixOutcome.Failed).RunAsync();

        Assert.False(result.ExpectationsMet);
        var ex = Assert.Throws<MatrixExpectationException>(result.EnsureExpectationsMet);
        Assert.Equal("503 once", Assert.Single(ex.Mismatches).Variant.Name);
        Assert.Contains("503 once: expected Survived, was Failed (503; 1 attempts; waits -)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("DNS failure", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_their_own_faults_and_pick_a_subset()
    {
        var result = await MatrixClients.Standard().Add("two 500s then healthy", f => f.AddScript(s => s.Status(System.Net.HttpStatusCode.InternalServerError, times: 2)))
            .Only("two 500s then healthy").RunAsync();

        var row = Assert.Single(result.Rows);
        Assert.Equal(MatrixOutcome.Survived, row.Outcome);
        Assert.Equal(3, row.Attempts);
        Assert.Equal([500, 500, 200], row.Exchanges.Select(e => e.StatusCode));
        Assert.Throws<ArgumentException>(() => MatrixClients.Standard().Only("no such fault"));
    }

    [Fact]
    public async Task A_client_built_from_a_handler_is_judged_like_a_registered_one()
    {
        var matrix = ResilienceMatrix.ForHandler(
            (handler, _) => new HttpClient(handler) { BaseAddress = MatrixClients.BaseAddress },
            async (http, ct) => (await http.GetAsync("/orders/1", ct)).EnsureSuccessStatusCode());

        var result = await matrix.Only("503 once", "reset before headers", "long-tail latency").RunAsync();

        Assert.Equal([MatrixOutcome.Failed, MatrixOutcome.Failed, MatrixOutcome.Survived], result.Rows.Select(r => r.Outcome));
        Assert.Equal(["HttpRequestException", "HttpRequestException", "completed"], result.Rows.Select(r => r.Final));
        Assert.Equal(VerdictOutcome.NotApplicable, result[ConformanceRule.NoUnsafeRetry].Outcome); // no POST call given
    }
}
