using FaultLab.Replay.Tests.Support;

namespace FaultLab.Replay.Tests.Playback;

public sealed class CassetteSessionTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly StubNetwork _network = new();

    private string CassettePath => _directory.File("session.json");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task NewEpisodes_records_a_repeated_request_again_once_its_recordings_are_played()
    {
        await RecordAsync("http://127.0.0.1/poll");

        using var client = Client(RecordMode.NewEpisodes);
        Assert.Equal("answer 1", await client.GetStringAsync("http://127.0.0.1/poll"));
        Assert.Equal("answer 2", await client.GetStringAsync("http://127.0.0.1/poll"));
        Assert.Equal(2, _network.Calls);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(File.ReadAllText(CassettePath), "/poll"));
    }

    [Fact]
    public async Task An_empty_cassette_says_it_has_nothing_recorded()
    {
        File.WriteAllText(CassettePath, """{ "version": 1, "interactions": [] }""");
        using var client = Client(RecordMode.ReplayOnly);

        var error = await Assert.ThrowsAsync<CassetteMismatchException>(() => client.GetStringAsync("http://127.0.0.1/a"));
        Assert.Null(error.ClosestRecorded);
        Assert.Contains("no recorded interactions", error.Message);
    }

    [Fact]
    public async Task The_closest_candidate_is_the_one_with_the_fewest_and_smallest_differences()
    {
        await RecordAsync("http://127.0.0.1/other", "http://127.0.0.1/orders?page=1");
        using var client = Client(RecordMode.ReplayOnly);

        var error = await Assert.ThrowsAsync<CassetteMismatchException>(() => client.GetStringAsync("http://127.0.0.1/orders?page=2"));
        Assert.Equal("GET http://127.0.0.1/orders?page=1", error.ClosestRecorded);
    }

    private async Task RecordAsync(params string[] uris)
    {
        using var recorder = Client(RecordMode.Record);
        foreach (string uri in uris)
        {
            await recorder.GetStringAsync(uri);
        }
    }

    private HttpClient Client(RecordMode mode) => new(ReplayHandler.Create(new Cassette(CassettePath), mode, network: _network));
}
