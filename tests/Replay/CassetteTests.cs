using FaultLab.Replay.Tests.Support;

namespace FaultLab.Replay.Tests;

public sealed class CassetteTests
{
    [Fact]
    public void The_path_is_made_absolute()
    {
        var cassette = new Cassette("cassettes/orders.json");

        Assert.True(Path.IsPathFullyQualified(cassette.Path));
        Assert.EndsWith(Path.Combine("cassettes", "orders.json"), cassette.Path);
        Assert.Equal(cassette.Path, cassette.ToString());
    }

    [Fact]
    public async Task One_instance_cannot_record_and_replay_only_at_once()
    {
        using var directory = new TempDirectory();
        var cassette = new Cassette(directory.File("c.json"));
        using var recorder = new HttpClient(ReplayHandler.Create(cassette, RecordMode.Record, network: new StubNetwork()));
        using var replayer = new HttpClient(ReplayHandler.Create(cassette, RecordMode.ReplayOnly, network: new StubNetwork()));
        await recorder.GetStringAsync("http://127.0.0.1/a");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => replayer.GetStringAsync("http://127.0.0.1/a"));
        Assert.Contains("RecordMode.Record", error.Message);
    }

    [Fact]
    public async Task Handlers_sharing_an_instance_share_the_playback_order()
    {
        using var directory = new TempDirectory();
        string path = directory.File("c.json");
        using (var recorder = new HttpClient(ReplayHandler.Create(new Cassette(path), RecordMode.Record, network: new StubNetwork())))
        {
            await recorder.GetStringAsync("http://127.0.0.1/a");
            await recorder.GetStringAsync("http://127.0.0.1/a");
        }

        // The client factory rotates handlers; playback must continue where the previous handler stopped.
        var cassette = new Cassette(path);
        using var first = new HttpClient(ReplayHandler.Create(cassette, RecordMode.ReplayOnly));
        using var second = new HttpClient(ReplayHandler.Create(cassette, RecordMode.ReplayOnly));
        Assert.Equal("answer 1", await first.GetStringAsync("http://127.0.0.1/a"));
        Assert.Equal("answer 2", await second.GetStringAsync("http://127.0.0.1/a"));
    }
}
