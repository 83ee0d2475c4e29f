using FaultLab.Tests.Support;

namespace FaultLab.Tests.Faults;

public sealed class ConnectTimeoutFaultTests
{
    [Fact]
    public async Task Fails_after_the_connect_timeout_with_the_shape_the_standard_retry_treats_as_transient()
    {
        using var clients = Clients.Create(f => f.AddConnectTimeout(TimeSpan.FromSeconds(5)));

        var pending = clients.Client.GetAsync("/orders");
        clients.TimeProvider.Advance(TimeSpan.FromSeconds(4.9));

        // The clock, not real time, says the attempt still waits: its 5 s timer is pending, 100 ms from due.
        Assert.Equal(clients.TimeProvider.Start + TimeSpan.FromSeconds(5), clients.TimeProvider.NextDue);
        Assert.False(pending.IsCompleted, "the connect attempt lasts the whole timeout");

        var ex = await Assert.ThrowsAsync<TaskCanceledException>(() => clients.TimeProvider.Drive(pending, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)));

        Assert.Equal("The operation was canceled.", ex.Message);
        Assert.Equal("System.Private.CoreLib", ex.Source);
        var timeout = Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.Equal("A connection could not be established within the configured ConnectTimeout.", timeout.Message);
        NetworkFaultsShapes.AssertInjected(ex, "ConnectTimeout");
    }
}
