using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Testing;

/// <summary>
/// Answers "does my client survive the ways its dependency fails?": runs one call under each fault of a catalogue,
/// each in a fresh client (a fresh service provider for registered clients) on a <see cref="TestClock"/>, and reports
/// per fault survived / degraded / failed with the attempts the dependency saw, the waits between them, circuit
/// transitions, fallbacks and fake time. <see cref="RunAsync"/> also judges the seven conformance rules
/// (<see cref="ConformanceRules"/>).
/// </summary>
public sealed class ResilienceMatrix
{
    private readonly MatrixClientFactoryBuilder _client;
    private readonly Dictionary<string, MatrixOutcome> _expectations = new(StringComparer.OrdinalIgnoreCase);
    private List<MatrixVariant> _variants = [.. MatrixCatalogue.Default];
    private Func<HttpMessageHandler> _dependency = () => new MatrixDependency();
    private Func<HttpResponseMessage, string, bool> _succeeded = DefaultSuccess;
    private Func<HttpResponseMessage, string, bool> _degraded = (_, _) => false;
    private bool _realTime;

    private ResilienceMatrix(MatrixClientFactoryBuilder client) => _client = client;

    /// <summary>Gets or sets the most time (fake time on the test clock) one call may take before it counts as never ending.
    /// Defaults to 10 minutes.</summary>
    public TimeSpan Limit { get; set; } = ClockExtensions.DefaultLimit;

    /// <summary>Gets or sets the budget rule 4 holds a hanging call to; any finite end passes when <see langword="null"/> (the default).</summary>
    public TimeSpan? TimeBudget { get; set; }

    /// <summary>Gets or sets how many runs of a dependency that keeps failing rule 3 compares for growth and jitter. Defaults to 5.</summary>
    public int BackoffRuns { get; set; } = 5;

    /// <summary>Gets the variants that will run, in order.</summary>
    public IReadOnlyList<MatrixVariant> Variants => _variants;

    /// <summary>Gets a value indicating whether runs use the system clock (see <see cref="OnRealTime"/>).</summary>
    public bool RealTime => _realTime;

    /// <summary>
    /// Judges a client registered the way production registers it: <paramref name="register"/> is your own
    /// <see cref="IServiceCollection"/> code (<c>AddHttpClient(...).AddStandardResilienceHandler()</c>, your fallback, your
    /// token handler). The matrix makes its fault-injecting dependency that client's primary handler.
    /// </summary>
    /// <param name="clientName">The name of the client <paramref name="register"/> registers.</param>
    /// <param name="register">Registers the client (and anything it needs).</param>
    /// <param name="call">The call to judge, for example <c>(http, ct) =&gt; http.GetAsync("/orders/1", ct)</c>.</param>
    /// <returns>The matrix.</returns>
    public static ResilienceMatrix ForHttpClient(string clientName, Action<IServiceCollection> register,
        Func<HttpClient, CancellationToken, Task<HttpResponseMessage>> call)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientName);
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(call);
        return new ResilienceMatrix(new MatrixClientFactoryBuilder(unsafeCall => RegisteredClient.Factory(clientName, register, call, unsafeCall.Http)));
    }

    /// <summary>
    /// Judges a client built from a handler — a vendor SDK that takes an <see cref="HttpClient"/> or a handler (OpenAI,
    /// Stripe.net, Octokit, Refit, Kiota). <paramref name="create"/> gets the matrix's fault-injecting dependency handler
    /// and the run's clock and returns the client; <paramref name="call"/> makes one call with it (success: it completes).
    /// </summary>
    /// <typeparam name="TClient">The SDK client type.</typeparam>
    /// <param name="create">Builds the client around the handler, for example <c>(h, _) =&gt; new ChatClient(..., new HttpClient(h))</c>.</param>
    /// <param name="call">The call to judge.</param>
    /// <returns>The matrix.</returns>
    public static ResilienceMatrix ForHandler<TClient>(Func<HttpMessageHandler, TimeProvider, TClient> create, Func<TClient, CancellationToken, Task> call)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(call);
        return new ResilienceMatrix(new MatrixClientFactoryBuilder(unsafeCall => (dependency, clock) =>
        {
            TClient client = create(dependency, clock);
            var unsafeSdk = unsafeCall.Sdk as Func<TClient, CancellationToken, Task>;
            return new MatrixClient(ct => Completes(call(client, ct)),
                unsafeSdk is null ? null : ct => Completes(unsafeSdk(client, ct)), null, client as IDisposable);
        }));
    }

    /// <summary>Sets the POST (or PATCH) call rule 2 judges, for a matrix made with <see cref="ForHttpClient"/>; without one rule 2 is not applicable.</summary>
    /// <param name="call">For example <c>(http, ct) =&gt; http.PostAsJsonAsync("/orders", order, ct)</c>.</param>
    /// <returns>The same matrix.</returns>
    public ResilienceMatrix WithUnsafeCall(Func<HttpClient, CancellationToken, Task<HttpResponseMessage>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _client.UnsafeCall = (call, null);
        return this;
    }

    /// <summary>Sets the POST (or PATCH) call rule 2 judges, for a matrix made with <see cref="ForHandler{TClient}"/>.</summary>
    /// <typeparam name="TClient">The SDK client type given to <see cref="ForHandler{TClient}"/>.</typeparam>
    /// <param name="call">The call.</param>
    /// <returns>The same matrix.</returns>
    public ResilienceMatrix WithUnsafeCall<TClient>(Func<TClient, CancellationToken, Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _client.UnsafeCall = (null, call);
        return this;
    }

    /// <summary>Sets what the healthy dependency answers (every request gets a fresh response). Defaults to 200 with a small JSON order.</summary>
    /// <param name="respond">Builds the response for a request.</param>
    /// <returns>The same matrix.</returns>
    public ResilienceMatrix WithDependency(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        _dependency = () => new MatrixDependency(respond);
        return this;
    }

    /// <summary>Makes a handler of yours the healthy dependency, for example a <see cref="SocketsHttpHandler"/> to a local server.</summary>
    /// <param name="create">Creates the handler; called once per scenario.</param>
    /// <returns>The same matrix.</returns>
    public ResilienceMatrix WithDependency(Func<HttpMessageHandler> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        _dependency = create;
        return this;
    }

    /// <summary>Sets when a completed call counts as a success. Defaults to a success status with a body that reads to the end
    /// (and parses, when it says it is JSON).</summary>
    /// <param name="succeeded">Gets the response and its body.</param>
    /// <returns>The same matrix.</returns>
    public ResilienceMatrix SucceedsWhen(Func<HttpResponseMessage, string, bool> succeeded)
    {
        _succeeded = succeeded ?? throw new ArgumentNullException(nameof(succeeded));
        return this;
    }

    /// <summary>Sets when a successful call counts as degraded (for example served by a fallback). A Polly fallback that
    /// answered always counts as degraded.</summary>
    /// <param name="degraded">Gets the response and its body.</param>
    /// <returns>The same matrix.</returns>
    public ResilienceMatrix DegradedWhen(Func<HttpResponseMessage, string, bool> degraded)
    {
        _degraded = degraded ?? throw new ArgumentNullException(nameof(degraded));
        return this;
    }

    /// <summary>Runs only the named variants (of those set so far), in the order given.</summary>
    /// <param name="names">Variant names, case-insensitive.</param>
    /// <returns>The same matrix.</returns>
    /// <exception cref="ArgumentException">A name matches no variant.</exception>
    public ResilienceMatrix Only(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _variants = [.. names.Select(n => _variants.FirstOrDefault(v => string.Equals(v.Name, n, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No matrix variant named '{n}'. Known: {string.Join(", ", _variants.Select(v => v.Name))}.", nameof(names)))];
        return this;
    }

    /// <summary>Adds a fault of your own (any profile or script) as a row.</summary>
    /// <param name="variant">The variant; its name must be new.</param>
    /// <returns>The same matrix.</returns>
    public ResilienceMatrix Add(MatrixVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        if (_variants.Any(v => string.Equals(v.Name, variant.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"The matrix already has a variant named '{variant.Name}'.", nameof(variant));
        }

        _variants.Add(variant);
        return this;
    }

    /// <summary>Adds a fault of your own as a row.</summary>
    /// <param name="name">The row's name.</param>
    /// <param name="faults">Adds the faults (or a script with <c>AddScript</c>).</param>
    /// <returns>The same matrix.</returns>
    public ResilienceMatrix Add(string name, Action<FaultInjectionBuilder> faults) =>
        Add(new MatrixVariant(name, "Custom", MatrixFaultClass.Custom, name, faults));

    /// <summary>Expects <paramref name="outcome"/> under the named variant; <see cref="MatrixResult.EnsureExpectationsMet"/> checks it.</summary>
    /// <param name="variant">The variant's name.</param>
    /// <param name="outcome">The expected outcome.</param>
    /// <returns>The same matrix.</returns>
    public ResilienceMatrix Expect(string variant, MatrixOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(variant);
        _expectations[variant] = outcome;
        return this;
    }

    /// <summary>
    /// Runs every call on the system clock instead of a <see cref="TestClock"/>: for SDKs that wait with their own timers
    /// (they do not take a <see cref="TimeProvider"/>), so their delays are real. Pick short variants: real time passes.
    /// The stream scenarios of rules 5 and 7 are not run (not applicable).
    /// </summary>
    /// <returns>The same matrix.</returns>
    public ResilienceMatrix OnRealTime()
    {
        _realTime = true;
        return this;
    }

    /// <summary>Runs every variant and judges the seven conformance rules.</summary>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The rows and verdicts.</returns>
    public async Task<MatrixResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<MatrixRow>();
        foreach (var variant in _variants)
        {
            rows.Add(await RunVariantAsync(variant, cancellationToken).ConfigureAwait(false));
        }

        var verdicts = await new ConformanceSuite(this, rows).JudgeAsync(cancellationToken).ConfigureAwait(false);
        return new MatrixResult(rows, verdicts);
    }

    /// <summary>Runs the matrix's variant named <paramref name="name"/> (one row, no verdicts): one xunit test case per fault.</summary>
    /// <param name="name">The variant's name.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The row.</returns>
    public Task<MatrixRow> RunVariantAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var variant = _variants.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No matrix variant named '{name}'. Known: {string.Join(", ", _variants.Select(v => v.Name))}.", nameof(name));
        return RunVariantAsync(variant, cancellationToken);
    }

    /// <summary>Runs one variant (one row, no verdicts).</summary>
    /// <param name="variant">The variant.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The row.</returns>
    public async Task<MatrixRow> RunVariantAsync(MatrixVariant variant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(variant);
        await using var scenario = NewScenario(variant.Faults);
        for (int i = 0; i < variant.PrimingCalls; i++)
        {
            await scenario.RunAsync(scenario.Client.Call, cancellationToken).ConfigureAwait(false);
        }

        if (variant.PauseAfterPriming > TimeSpan.Zero && scenario.Clock is TestClock fake)
        {
            fake.Advance(variant.PauseAfterPriming);
        }

        scenario.Forget();
        var run = await scenario.RunAsync(scenario.Client.Call, cancellationToken).ConfigureAwait(false);
        var (outcome, final) = Judge(run, scenario.Client.Events?.Fallbacks.Count > 0);
        return new MatrixRow(variant, outcome, final, scenario.Recorder.Exchanges, [.. scenario.Client.Events?.CircuitTransitions.Select(t => t.State) ?? []],
            scenario.Client.Events?.Fallbacks.Count > 0, run.Elapsed, run.Ended)
        {
            Expected = _expectations.TryGetValue(variant.Name, out var expected) ? expected : null,
        };
    }

    /// <summary>Builds a scenario: a fresh client around recorder, faults and dependency, on a fresh clock.</summary>
    internal MatrixScenario NewScenario(Action<FaultInjectionBuilder> faults) =>
        MatrixScenario.Create(_client.Build(), _dependency(), faults, _realTime ? TimeProvider.System : new TestClock(NowInWholeSeconds()), Limit);

    // The test clock starts at the real time: clients that read the system clock to turn a Retry-After HTTP-date into a
    // delay (Microsoft.Extensions.Http.Resilience does) then see the wait the server meant, as they would in production.
    private static DateTimeOffset NowInWholeSeconds()
    {
        DateTimeOffset now = TimeProvider.System.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private (MatrixOutcome, string) Judge(MatrixCallResult run, bool fallbackUsed)
    {
        if (!run.Ended)
        {
            return (MatrixOutcome.Failed, $"never ended ({Seconds(run.Elapsed)})");
        }

        if (run.Exception is { } ex)
        {
            return (MatrixOutcome.Failed, ex.GetType().Name);
        }

        if (run.Response is not { } response)
        {
            return (MatrixOutcome.Survived, "completed");
        }

        string status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!_succeeded(response, run.Body))
        {
            return (MatrixOutcome.Failed, response.IsSuccessStatusCode ? $"{status}, unusable body" : status);
        }

        return fallbackUsed || _degraded(response, run.Body) ? (MatrixOutcome.Degraded, $"{status} (fallback)") : (MatrixOutcome.Survived, status);
    }

    private static bool DefaultSuccess(HttpResponseMessage response, string body)
    {
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true || body.Length == 0)
        {
            return true;
        }

        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(body);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static async Task<HttpResponseMessage?> Completes(Task call)
    {
        await call.ConfigureAwait(false);
        return null;
    }

    private static string Seconds(TimeSpan span) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");

    /// <summary>Holds how the client is built until the optional unsafe call is known.</summary>
    private sealed class MatrixClientFactoryBuilder(Func<(Func<HttpClient, CancellationToken, Task<HttpResponseMessage>>? Http, Delegate? Sdk), MatrixClientFactory> build)
    {
        public (Func<HttpClient, CancellationToken, Task<HttpResponseMessage>>? Http, Delegate? Sdk) UnsafeCall { get; set; }

        public MatrixClientFactory Build() => build(UnsafeCall);
    }
}
