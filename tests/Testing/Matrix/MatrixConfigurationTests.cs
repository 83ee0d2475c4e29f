using System.Net;
using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;

namespace FaultLab.Testing.Tests.Matrix;

/// <summary>Choosing rows, adding them, expecting outcomes, and reading a result.</summary>
public sealed class MatrixConfigurationTests
{
    private static ResilienceMatrix Matrix() => ResilienceMatrix.ForHttpClient("orders", s => s.AddHttpClient("orders"), (http, ct) => http.GetAsync("/", ct));

    private static MatrixVariant Variant(string name) => new(name, "Custom", MatrixFaultClass.Custom, name, _ => { });

    [Fact]
    public void A_new_matrix_runs_the_default_catalogue_on_the_test_clock_with_documented_defaults()
    {
        var matrix = Matrix();

        Assert.Equal(MatrixCatalogue.Default.Select(v => v.Name), matrix.Variants.Select(v => v.Name));
        Assert.Equal(TimeSpan.FromMinutes(10), matrix.Limit);
        Assert.Null(matrix.TimeBudget);
        Assert.Equal(5, matrix.BackoffRuns);
        Assert.False(matrix.RealTime);
        Assert.True(matrix.OnRealTime().RealTime);
    }

    [Fact]
    public void Only_keeps_the_named_rows_in_the_order_given_whatever_their_case()
    {
        var matrix = Matrix().Only("HANG", "503 once");

        Assert.Equal(["hang", "503 once"], matrix.Variants.Select(v => v.Name));
        var error = Assert.Throws<ArgumentException>(() => matrix.Only("DNS failure"));
        Assert.Equal("No matrix variant named 'DNS failure'. Known: hang, 503 once. (Parameter 'names')", error.Message);
        Assert.Empty(Matrix().Only().Variants);
        Assert.Throws<ArgumentNullException>(() => Matrix().Only(null!));
    }

    [Fact]
    public void A_row_of_your_own_needs_a_new_name()
    {
        var matrix = Matrix().Only("hang").Add(Variant("mine")).Add("scripted", f => f.AddScript(s => s.Hang()));

        Assert.Equal(["hang", "mine", "scripted"], matrix.Variants.Select(v => v.Name));
        var scripted = matrix.Variants[2];
        Assert.Equal(("Custom", MatrixFaultClass.Custom, "scripted"), (scripted.Kind, scripted.Class, scripted.Description));
        var error = Assert.Throws<ArgumentException>(() => matrix.Add(Variant("MINE")));
        Assert.Equal("The matrix already has a variant named 'MINE'. (Parameter 'variant')", error.Message);
        Assert.Throws<ArgumentNullException>(() => matrix.Add(null!));
    }

    [Fact]
    public async Task Running_an_unknown_row_names_the_known_ones()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Matrix().Only("hang", "DNS failure").RunVariantAsync("nope"));

        Assert.Equal("No matrix variant named 'nope'. Known: hang, DNS failure. (Parameter 'name')", error.Message);
    }

    [Fact]
    public async Task Arguments_are_checked()
    {
        Assert.Throws<ArgumentException>(() => ResilienceMatrix.ForHttpClient("", _ => { }, (http, ct) => http.GetAsync("/", ct)));
        Assert.Throws<ArgumentNullException>(() => ResilienceMatrix.ForHttpClient("x", null!, (http, ct) => http.GetAsync("/", ct)));
        Assert.Throws<ArgumentNullException>(() => ResilienceMatrix.ForHttpClient("x", _ => { }, null!));
        Assert.Throws<ArgumentNullException>(() => ResilienceMatrix.ForHandler<HttpClient>(null!, (_, _) => Task.CompletedTask));
        Assert.Throws<ArgumentNullException>(() => ResilienceMatrix.ForHandler<HttpClient>((h, _) => new HttpClient(h), null!));
        Assert.Throws<ArgumentNullException>(() => Matrix().WithUnsafeCall(null!));
        Assert.Throws<ArgumentNullException>(() => Matrix().WithUnsafeCall<HttpClient>(null!));
        Assert.Throws<ArgumentNullException>(() => Matrix().WithDependency((Func<HttpRequestMessage, HttpResponseMessage>)null!));
        Assert.Throws<ArgumentNullException>(() => Matrix().WithDependency((Func<HttpMessageHandler>)null!));
        Assert.Throws<ArgumentNullException>(() => Matrix().Expect(null!, MatrixOutcome.Failed));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Matrix().RunVariantAsync((string)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Matrix().RunVariantAsync((MatrixVariant)null!));
    }

    private static MatrixRow Row(string name, MatrixOutcome outcome, MatrixOutcome? expected = null, params DependencyExchange[] exchanges) =>
        new(Variant(name), outcome, outcome.ToString(), exchanges, [], false, TimeSpan.Zero, true) { Expected = expected };

    private static DependencyExchange Exchange(int attempt, double at, double? ended) =>
        new(attempt, TestClock.DefaultStart.AddSeconds(at), ended is { } e ? TestClock.DefaultStart.AddSeconds(e) : null, "GET", "/", new Dictionary<string, string>(),
            ExchangeOutcome.Response, 503, new Dictionary<string, string>(), null);

    [Fact]
    public void A_row_counts_attempts_retries_and_the_waits_between_them()
    {
        var row = Row("r", MatrixOutcome.Survived, null, Exchange(1, 0, 0.5), Exchange(2, 2.5, null), Exchange(3, 6.62, 7));
        var empty = Row("e", MatrixOutcome.Failed);

        Assert.Equal((3, 2), (row.Attempts, row.Retries));
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4.12)], row.RetryDelays);
        Assert.Equal("2 s, 4.12 s", row.RetryDelaysText);
        Assert.Equal((0, 0, "-"), (empty.Attempts, empty.Retries, empty.RetryDelaysText));
        Assert.Empty(empty.RetryDelays);
        Assert.Equal("-", empty.CircuitText);
        Assert.Equal("Open > HalfOpen > Closed", (row with { CircuitTransitions = [CircuitState.Open, CircuitState.HalfOpen, CircuitState.Closed] }).CircuitText);
    }

    [Fact]
    public void A_row_meets_its_expectation_when_it_has_none_or_the_outcome_matches()
    {
        Assert.True(Row("a", MatrixOutcome.Failed).MeetsExpectation);
        Assert.True(Row("b", MatrixOutcome.Degraded, MatrixOutcome.Degraded).MeetsExpectation);
        Assert.False(Row("c", MatrixOutcome.Survived, MatrixOutcome.Degraded).MeetsExpectation);
    }

    [Fact]
    public void A_result_finds_rows_and_verdicts_and_lists_only_the_rows_that_missed()
    {
        var verdicts = new[] { Verdict.Pass(ConformanceRule.RespectsRetryAfter, "kept"), Verdict.Fail(ConformanceRule.BoundedTime, "hung") };
        var result = new MatrixResult([Row("503 once", MatrixOutcome.Survived, MatrixOutcome.Survived), Row("hang", MatrixOutcome.Failed, MatrixOutcome.Survived, Exchange(1, 0, null))], verdicts);

        Assert.Equal("hang", result["HANG"].Variant.Name);
        Assert.Equal("hung", result[ConformanceRule.BoundedTime].Summary);
        var error = Assert.Throws<KeyNotFoundException>(() => result["dns"]);
        Assert.Equal("No row named 'dns'. Rows: 503 once, hang.", error.Message);
        Assert.Equal(["hang"], result.Mismatches.Select(r => r.Variant.Name));
        Assert.False(result.ExpectationsMet);

        var ex = Assert.Throws<MatrixExpectationException>(result.EnsureExpectationsMet);
        Assert.Equal("The resilience matrix differs from what was expected:" + Environment.NewLine + "  hang: expected Survived, was Failed (Failed; 1 attempts; waits -)", ex.Message);
        Assert.Same(result.Mismatches[0].Variant, Assert.Single(ex.Mismatches).Variant);

        var met = new MatrixResult([Row("503 once", MatrixOutcome.Survived, MatrixOutcome.Survived)], verdicts);
        Assert.True(met.ExpectationsMet);
        met.EnsureExpectationsMet();
        Assert.Throws<ArgumentNullException>(() => new MatrixExpectationException(null!));
    }

    [Fact]
    public async Task An_expectation_is_attached_to_its_row_by_name_whatever_the_case()
    {
        var matrix = Matrix().WithDependency(_ => new HttpResponseMessage(HttpStatusCode.OK)).Add(Variant("healthy")).Expect("HEALTHY", MatrixOutcome.Degraded);

        var row = await matrix.RunVariantAsync("healthy");
        var other = await matrix.RunVariantAsync("503 once");

        Assert.Equal(MatrixOutcome.Degraded, row.Expected);
        Assert.False(row.MeetsExpectation);
        Assert.Null(other.Expected);
    }
}
