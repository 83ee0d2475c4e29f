namespace FaultLab.Control;

/// <summary>Faults applied through <see cref="FaultControlClient.ApplyAsync(FaultInjectionOptions, TimeSpan?, CancellationToken)"/>:
/// renewed at a third of their lease's life while this object lives, removed when it is disposed.</summary>
public sealed class FaultLease : IAsyncDisposable
{
    private readonly FaultControlClient _client;
    private readonly TimeSpan? _duration;
    private readonly ITimer _renewal;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    internal FaultLease(FaultControlClient client, FaultLeaseInfo info, TimeSpan? duration, TimeSpan life, TimeProvider time)
    {
        _client = client;
        _duration = duration;
        Info = info;
        TimeSpan every = life / 3;
        _renewal = time.CreateTimer(_ => _ = RenewAsync(), null, every, every);
    }

    /// <summary>Gets the lease as the server granted it: its id and the ids of its faults.</summary>
    public FaultLeaseInfo Info { get; }

    /// <summary>Gets how many renewals the server accepted.</summary>
    public int Renewals => _renewals;

    /// <summary>Gets a value indicating whether the server no longer knows the lease (it expired: renewals stopped
    /// reaching it for longer than its life), so its faults are gone.</summary>
    public bool Lost { get; private set; }

    private int _renewals;

    /// <summary>Stops renewing and removes the lease's faults.</summary>
    /// <returns>A task that completes once the server removed them.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _renewal.DisposeAsync().ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _client.EndLeaseAsync(Info.Id, CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RenewAsync()
    {
        try
        {
            if (await _client.RenewAsync(Info.Id, _duration, _stopping.Token).ConfigureAwait(false))
            {
                Interlocked.Increment(ref _renewals);
            }
            else
            {
                Lost = true;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            // The next tick tries again; the server's dead-man switch decides if this lasts too long.
        }
    }
}
