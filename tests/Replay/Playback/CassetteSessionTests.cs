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

    [Fact]
    public async Task A_method_difference_weighs_less_than_a_path_difference_when_choosing_the_closest()
    {
        using (var recorder = Client(RecordMode.Record))
        {
            await recorder.GetStringAsync("http://127.0.0.1/other");
            (await recorder.PostAsync("http://127.0.0.1/orders", null)).Dispose();
        }

        using var client = Client(RecordMode.ReplayOnly);
        var error = await Assert.ThrowsAsync<CassetteMismatchException>(() => client.GetStringAsync("http://127.0.0.1/orders"));

        Assert.Equal("POST http://127.0.0.1/orders", error.ClosestRecorded);
        Assert.Equal(["method: recorded POST, sent GET"], error.Reasons);
        Assert.Equal(
            $"Cassette '{CassettePath}' cannot answer GET http://127.0.0.1/orders. Closest recorded request: POST http://127.0.0.1/orders; it does not match because method: recorded POST, sent GET.",
            error.Message);
    }

    [Fact]
    public async Task Exhausted_recordings_under_Fail_name_how_many_matched_and_the_request()
    {
        await RecordAsync("http://127.0.0.1/poll", "http://127.0.0.1/poll");
        using var client = new HttpClient(ReplayHandler.Create(new Cassette(CassettePath), RecordMode.ReplayOnly,
            new CassetteOptions { WhenExhausted = ExhaustedBehavior.Fail }, _network));

        Assert.Equal("answer 1", await client.GetStringAsync("http://127.0.0.1/poll"));
        Assert.Equal("answer 2", await client.GetStringAsync("http://127.0.0.1/poll"));
        var error = await Assert.ThrowsAsync<CassetteMismatchException>(() => client.GetStringAsync("http://127.0.0.1/poll"));

        Assert.Equal("GET http://127.0.0.1/poll", error.Request);
        Assert.Equal("GET http://127.0.0.1/poll", error.ClosestRecorded);
        Assert.Equal(["all 2 recorded interaction(s) matching it were already played and WhenExhausted is Fail"], error.Reasons);
        Assert.Equal(2, _network.Calls);
    }

    [Fact]
    public async Task RepeatLast_replays_the_last_matching_recording_not_the_last_of_the_cassette()
    {
        await RecordAsync("http://127.0.0.1/poll", "http://127.0.0.1/poll", "http://127.0.0.1/other");
        using var client = Client(RecordMode.ReplayOnly);

        Assert.Equal("answer 1", await client.GetStringAsync("http://127.0.0.1/poll"));
        Assert.Equal("answer 2", await client.GetStringAsync("http://127.0.0.1/poll"));
        Assert.Equal("answer 2", await client.GetStringAsync("http://127.0.0.1/poll"));
        Assert.Equal("answer 3", await client.GetStringAsync("http://127.0.0.1/other"));
        Assert.Equal(3, _network.Calls);
    }

    [Fact]
    public async Task An_empty_cassette_gives_no_closest_request_and_no_reasons()
    {
        File.WriteAllText(CassettePath, """{ "version": 1, "interactions": [] }""");
        using var client = Client(RecordMode.ReplayOnly);

        var error = await Assert.ThrowsAsync<CassetteMismatchException>(() => client.GetStringAsync("http://127.0.0.1/a"));

        Assert.Empty(error.Reasons);
        Assert.Equal($"Cassette '{CassettePath}' has no recorded interactions, so nothing can answer GET http://127.0.0.1/a.", error.Message);
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
