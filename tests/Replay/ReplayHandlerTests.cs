using FaultLab.Replay.Tests.Support;

namespace FaultLab.Replay.Tests;

public sealed class ReplayHandlerTests
{
    [Fact]
    public async Task Without_dependency_injection_the_handler_records_through_the_given_network_and_replays_without_it()
    {
        using var directory = new TempDirectory();
        string path = directory.File("plain.json");
        var network = new StubNetwork();
        using (var client = new HttpClient(ReplayHandler.Create(new Cassette(path), network: network)))
        {
            Assert.Equal("answer 1", await client.GetStringAsync("http://127.0.0.1/x"));
        }

        var unused = new StubNetwork();
        using var replay = new HttpClient(ReplayHandler.Create(new Cassette(path), network: unused));
        Assert.Equal("answer 1", await replay.GetStringAsync("http://127.0.0.1/x"));
        Assert.Equal(1, network.Calls);
        Assert.Equal(0, unused.Calls);
    }

    [Fact]
    public async Task Synchronous_sends_are_recorded_too()
    {
        using var directory = new TempDirectory();
        string path = directory.File("sync.json");
        using var client = new HttpClient(ReplayHandler.Create(new Cassette(path), RecordMode.Record, network: new StubNetwork()));

        using var response = client.Send(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/sync"));

        Assert.Equal("answer 1", await response.Content.ReadAsStringAsync());
        Assert.Contains("http://127.0.0.1/sync", File.ReadAllText(path));
    }
}
