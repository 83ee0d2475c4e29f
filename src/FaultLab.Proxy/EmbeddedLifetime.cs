using Microsoft.Extensions.Hosting;

namespace FaultLab.Proxy;

/// <summary>
/// Replaces the web host's console lifetime: a proxy embedded in a test run or a tool must not take over the process's
/// Ctrl+C and SIGTERM (the console lifetime cancels them and stops only itself). Whoever owns the proxy stops it.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
