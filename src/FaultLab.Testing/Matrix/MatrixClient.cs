using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Testing;

/// <summary>One client under test, built fresh for one scenario around the handler the matrix provides.</summary>
internal sealed class MatrixClient(Func<CancellationToken, Task<HttpResponseMessage?>> call, Func<CancellationToken, Task<HttpResponseMessage?>>? unsafeCall,
    ResilienceObserver? events, IDisposable? owner) : IDisposable
{
    public Func<CancellationToken, Task<HttpResponseMessage?>> Call { get; } = call;

    /// <summary>Gets the call that sends a POST, for rule 2; <see langword="null"/> when there is none.</summary>
    public Func<CancellationToken, Task<HttpResponseMessage?>>? UnsafeCall { get; } = unsafeCall;

    /// <summary>Gets the Polly events, for clients built from a service provider.</summary>
    public ResilienceObserver? Events { get; } = events;

    public void Dispose() => owner?.Dispose();
}

/// <summary>Builds a <see cref="MatrixClient"/> for one scenario: the dependency handler and the clock are the matrix's.</summary>
internal delegate MatrixClient MatrixClientFactory(HttpMessageHandler dependency, TimeProvider clock);

/// <summary>Builds clients from the user's own service registrations, with the matrix's handler as the primary handler.</summary>
internal static class RegisteredClient
{
    public static MatrixClientFactory Factory(string clientName, Action<IServiceCollection> register,
        Func<HttpClient, CancellationToken, Task<HttpResponseMessage>> call,
        Func<HttpClient, CancellationToken, Task<HttpResponseMessage>>? unsafeCall) => (dependency, clock) =>
    {
        var services = new ServiceCollection();
        var events = services.AddResilienceObserver(clock);
        register(services);
        if (clock is Microsoft.Extensions.Time.Testing.FakeTimeProvider fake)
        {
            services.UseFakeTimeProvider(fake); // after the user's code: it must win
        }

        // Last, so it replaces any primary handler the registration chose; the fault handler sits inside it.
        services.AddHttpClient(clientName).ConfigurePrimaryHttpMessageHandler(() => dependency);
        var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(clientName);

        // HttpClient.Timeout runs on real time; on the test clock the same budget is kept on the fake clock instead.
        TimeSpan timeout = client.Timeout;
        if (clock is Microsoft.Extensions.Time.Testing.FakeTimeProvider)
        {
            client.Timeout = Timeout.InfiniteTimeSpan;
        }
        else
        {
            timeout = Timeout.InfiniteTimeSpan;
        }

        return new MatrixClient(ct => Bounded(client, call, timeout, clock, ct),
            unsafeCall is null ? null : ct => Bounded(client, unsafeCall, timeout, clock, ct), events, provider);
    };

    private static async Task<HttpResponseMessage?> Bounded(HttpClient client, Func<HttpClient, CancellationToken, Task<HttpResponseMessage>> call,
        TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await call(client, cancellationToken).ConfigureAwait(false);
        }

        using var budget = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            return await call(client, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // What HttpClient itself throws when its Timeout elapses.
            throw new TaskCanceledException($"The request was canceled due to the configured HttpClient.Timeout of {timeout.TotalSeconds} seconds elapsing.",
                new TimeoutException(ex.Message, ex));
        }
    }
}
