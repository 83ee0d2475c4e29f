namespace FaultLab.Replay.Tests.Support;

/// <summary>
/// The arrangement most Replay tests share: a real dependency on 127.0.0.1 (started before each test, stopped after)
/// and a fresh directory for its cassettes (removed after).
/// </summary>
public abstract class LoopbackTest : IAsyncLifetime
{
    private LoopbackDependency? _dependency;

    /// <summary>Gets the test's own directory for cassettes.</summary>
    private protected TempDirectory Files { get; } = new();

    /// <summary>Gets the running dependency.</summary>
    private protected LoopbackDependency Dependency => _dependency ?? throw new InvalidOperationException("The dependency starts in InitializeAsync.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _dependency = await LoopbackDependency.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_dependency is not null)
        {
            await _dependency.DisposeAsync();
        }

        Files.Dispose();
    }
}
