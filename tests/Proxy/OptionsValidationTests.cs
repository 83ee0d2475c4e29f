namespace FaultLab.Proxy.Tests;

/// <summary>Every setting of <see cref="FaultProxyOptions"/> is checked at its edges, and each problem names its setting
/// with the value it had.</summary>
public sealed class OptionsValidationTests
{
    [Fact]
    public void The_edges_of_every_range_are_valid()
    {
        Assert.Empty(Options(o => { o.Port = 0; o.ControlPort = 0; }).Validate());
        Assert.Empty(Options(o => { o.Port = 65535; o.ControlPort = 65535; }).Validate());
        Assert.Empty(Options(o => { o.ControlPort = 1; o.LeaseDuration = TimeSpan.FromTicks(1); o.HangLimit = TimeSpan.FromTicks(1); }).Validate());
    }

    [Fact]
    public void One_past_each_edge_every_problem_is_named_at_once()
    {
        var options = Options(o =>
        {
            o.Port = 65536;
            o.ControlPort = -1;
            o.LeaseDuration = TimeSpan.Zero;
            o.HangLimit = TimeSpan.Zero;
            o.Profile = null!;
        });

        Assert.Equal(
        [
            "Port: must be from 0 to 65535 (was 65536).",
            "ControlPort: must be from 0 to 65535 (was -1).",
            "LeaseDuration: must be positive (was 00:00:00).",
            "HangLimit: must be positive (was 00:00:00).",
            "Profile: is required.",
        ], options.Validate());
    }

    [Theory]
    [InlineData(-1, 65536, "Port: must be from 0 to 65535 (was -1).", "ControlPort: must be from 0 to 65535 (was 65536).")]
    [InlineData(70000, -5, "Port: must be from 0 to 65535 (was 70000).", "ControlPort: must be from 0 to 65535 (was -5).")]
    public void A_port_outside_0_to_65535_is_refused(int port, int controlPort, string portError, string controlPortError)
    {
        Assert.Equal([portError, controlPortError], Options(o => { o.Port = port; o.ControlPort = controlPort; }).Validate());
    }

    [Fact]
    public async Task A_proxy_refuses_bad_options_null_options_a_second_start_and_an_address_before_it_listens()
    {
        var refused = Assert.Throws<FaultProfileException>(() => new FaultProxy(Options(o => o.HangLimit = TimeSpan.Zero)));
        Assert.Equal("Invalid fault profile (proxy options): HangLimit: must be positive (was 00:00:00).", refused.Message);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new FaultProxy(null!)).ParamName);

        await using var upstream = await Upstream.StartAsync();
        await using var proxy = new FaultProxy(new FaultProxyOptions { Upstream = upstream.Address });
        Assert.Equal("The proxy is not started.", Assert.Throws<InvalidOperationException>(() => proxy.Address).Message);
        await proxy.StartAsync();
        Assert.Equal("The proxy was already started.", (await Assert.ThrowsAsync<InvalidOperationException>(() => proxy.StartAsync())).Message);
        Assert.Equal("127.0.0.1", proxy.Address.Host);
        Assert.EndsWith("/", proxy.Address.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_fault_problem_is_named_under_HeaderFaults()
    {
        var headerFaults = new FaultLab.Control.HeaderFaultOptions { Enabled = true };
        headerFaults.Faults.Add(new StatusFault { StatusCode = 503 });

        Assert.Equal(["HeaderFaults:Faults:0:Name: is required: a header asks for a fault by name."],
            Options(o => o.HeaderFaults = headerFaults).Validate());
    }

    private static FaultProxyOptions Options(Action<FaultProxyOptions> change)
    {
        var options = new FaultProxyOptions { Upstream = new Uri("http://127.0.0.1:5000/") };
        change(options);
        return options;
    }
}
