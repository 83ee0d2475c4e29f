using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace FaultLab.Control.Tests;

/// <summary>The control API's routes, status codes and JSON shapes, over an in-memory server and a controller on a manual clock.</summary>
public sealed class ControlEndpointTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private readonly OkHandler _dependency = new();
    private LiveFaultProfile _live = null!;
    private FaultController _controller = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _live = new LiveFaultProfile(Profiles.Status(HttpStatusCode.ServiceUnavailable, "baseline"));
        _controller = new FaultController(_live, new FaultControllerOptions
        {
            TimeProvider = _clock, LeaseDuration = TimeSpan.FromSeconds(30), ProfileName = "flaky", ClientName = nameof(ControlEndpointTests),
        });
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        _app = builder.Build();
        _app.MapFaultControl(_controller);
        await _app.StartAsync();
        _http = new HttpClient(_app.GetTestServer().CreateHandler()) { BaseAddress = new Uri("http://localhost/faultlab/") };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _controller.Dispose();
    }

    [Fact]
    public async Task The_state_lists_switch_profile_lease_duration_faults_and_leases()
    {
        var lease = _controller.Lease(Profiles.Status(HttpStatusCode.BadGateway, "leased"));

        var state = await GetJsonAsync("");

        Assert.True((bool)state["enabled"]!);
        Assert.Equal("flaky", (string?)state["profile"]);
        Assert.Equal("00:00:30", (string?)state["leaseDuration"]);
        var faults = state["faults"]!.AsArray();
        Assert.Equal(2, faults.Count);
        Assert.Equal("profile-0", (string?)faults[0]!["id"]);
        Assert.Null(faults[0]!["lease"]);
        Assert.Equal("baseline", (string?)faults[0]!["fault"]!["Name"]);
        Assert.Equal(lease.Id, (string?)faults[1]!["lease"]);
        Assert.Equal(502, (int)faults[1]!["fault"]!["StatusCode"]!);
        var leases = state["leases"]!.AsArray();
        Assert.Equal(lease.Id, (string?)Assert.Single(leases)!["id"]);
        Assert.Equal(lease.ExpiresAt, leases[0]!["expiresAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(lease.FaultIds, leases[0]!["faults"]!.AsArray().Select(f => (string)f!));
    }

    [Fact]
    public async Task A_fault_built_in_code_with_a_predicate_is_listed_as_code_only()
    {
        var fault = FaultJson.ReadFault("""{ "Kind": "Hang", "Name": "coded" }""", out _)!;
        fault.Target = new FaultTarget { Predicate = _ => true };
        _controller.Add(fault);

        var listed = (await GetJsonAsync(""))["faults"]![1]!["fault"]!;

        Assert.Equal("""{"Kind":"Hang","Name":"coded","CodeOnly":true}""", listed.ToJsonString());
    }

    [Fact]
    public async Task Adding_answers_201_with_the_id_and_an_invalid_fault_400_with_every_error()
    {
        using var created = await SendAsync(HttpMethod.Post, "faults", """{ "Kind": "Status", "Name": "added", "StatusCode": 429 }""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("""{"id":"fault-1"}""", await created.Content.ReadAsStringAsync());
        Assert.Equal(429, ((StatusFault)_controller.Faults[1].Fault).StatusCode);

        using var invalid = await SendAsync(HttpMethod.Post, "faults", """{ "Kind": "Status", "StatusCode": 200, "InjectionRate": 2 }""");
        await AssertInvalidAsync(invalid,
            "InjectionRate: must be between 0 and 1 inclusive (was 2).", "StatusCode: must be an error status from 400 to 599 (was 200).");
        Assert.Equal(2, _controller.Faults.Count);
    }

    [Fact]
    public async Task A_fault_named_like_one_in_force_is_refused_400_and_changes_nothing()
    {
        using var first = await SendAsync(HttpMethod.Post, "faults", """{ "Kind": "Status", "Name": "twin", "StatusCode": 429 }""");
        int count = _controller.Faults.Count;

        using var second = await SendAsync(HttpMethod.Post, "faults", """{ "Kind": "Status", "Name": "twin", "StatusCode": 503 }""");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await AssertInvalidAsync(second, "Invalid fault: Faults:0:Name: 'twin' already names Faults:0; each fault needs its own name.");
        Assert.Equal(count, _controller.Faults.Count);
    }

    [Fact]
    public async Task Replacing_and_removing_answer_with_the_id_or_404_naming_it()
    {
        using var replaced = await SendAsync(HttpMethod.Put, "faults/profile-0", """{ "Kind": "Status", "Name": "swapped", "StatusCode": 500 }""");
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("""{"id":"profile-0"}""", await replaced.Content.ReadAsStringAsync());
        Assert.Equal("swapped", _controller.Faults[0].Fault.Name);

        using var invalid = await SendAsync(HttpMethod.Put, "faults/profile-0", """{ "Kind": "Status", "StatusCode": 200 }""");
        await AssertInvalidAsync(invalid, "StatusCode: must be an error status from 400 to 599 (was 200).");
        using var unknown = await SendAsync(HttpMethod.Put, "faults/fault-9", """{ "Kind": "Status", "StatusCode": 500 }""");
        await AssertNotFoundAsync(unknown, "No fault 'fault-9'.");

        using var removed = await SendAsync(HttpMethod.Delete, "faults/profile-0", null);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty(_controller.Faults);
        using var gone = await SendAsync(HttpMethod.Delete, "faults/profile-0", null);
        await AssertNotFoundAsync(gone, "No fault 'profile-0'.");
    }

    [Theory]
    [InlineData("""{ "enabled": "no" }""")]
    [InlineData("""{ "on": false }""")]
    [InlineData("""[ false ]""")]
    [InlineData("""{ "enabled": """)]
    [InlineData("")]
    public async Task The_switch_refuses_anything_but_a_boolean(string body)
    {
        using var response = await SendAsync(HttpMethod.Put, "enabled", body);

        await AssertInvalidAsync(response, "enabled: must be true or false.");
        Assert.True(_controller.Enabled);
    }

    [Fact]
    public async Task The_switch_answers_with_the_new_state_and_reset_with_204()
    {
        using var off = await SendAsync(HttpMethod.Put, "enabled", """{ "enabled": false }""");
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False((bool)JsonNode.Parse(await off.Content.ReadAsStringAsync())!["enabled"]!);
        Assert.False(_controller.Enabled);

        _controller.Add(Profiles.Status(HttpStatusCode.BadGateway, "added").Faults[0]);
        using var reset = await SendAsync(HttpMethod.Post, "reset", null);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.True(_controller.Enabled);
        Assert.Equal(["profile-0"], _controller.Faults.Select(f => f.Id));
    }

    [Fact]
    public async Task Counters_report_forwarded_total_and_each_name_in_order()
    {
        _controller.Add(Profiles.Status(HttpStatusCode.BadGateway, "alpha").Faults[0]);
        using var handler = FaultInjection.CreateHandler(_live, _dependency, _clock, clientName: nameof(ControlEndpointTests));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Profiles.GetAsync(handler)); // "baseline" comes first
        _controller.Remove("profile-0");
        Assert.Equal(HttpStatusCode.BadGateway, await Profiles.GetAsync(handler));
        Assert.Equal(HttpStatusCode.BadGateway, await Profiles.GetAsync(handler));
        _controller.SetEnabled(false);
        Assert.Equal(HttpStatusCode.OK, await Profiles.GetAsync(handler));

        Assert.Equal("""{"forwarded":1,"injectedTotal":3,"injected":{"alpha":2,"baseline":1}}""", (await GetJsonAsync("counters")).ToJsonString());
        var counters = await new FaultControlClient(_http, _clock).GetCountersAsync();
        Assert.Equal(1, counters.Forwarded);
        Assert.Equal(3, counters.InjectedTotal);
        Assert.Equal(2, counters.Injected["alpha"]);
        Assert.Equal(1, counters.Injected["baseline"]);
    }

    [Fact]
    public async Task A_lease_is_granted_for_the_asked_seconds_or_the_default_and_zero_is_refused()
    {
        using var zero = await SendAsync(HttpMethod.Post, "leases?seconds=0", """{ "Faults": [] }""");
        await AssertInvalidAsync(zero, "seconds: must be positive (was 0).");
        using var negative = await SendAsync(HttpMethod.Post, "leases?seconds=-2.5", """{ "Faults": [] }""");
        await AssertInvalidAsync(negative, "seconds: must be positive (was -2.5).");

        using var asked = await SendAsync(HttpMethod.Post, "leases?seconds=12.5", """{ "Faults": [ { "Kind": "Status", "Name": "leased", "StatusCode": 502 } ] }""");
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var lease = JsonNode.Parse(await asked.Content.ReadAsStringAsync())!;
        Assert.Equal(_clock.Now + TimeSpan.FromSeconds(12.5), lease["expiresAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(["fault-2"], lease["faults"]!.AsArray().Select(f => (string)f!));
        Assert.Equal("lease-1", (string?)lease["id"]);

        using var standard = await SendAsync(HttpMethod.Post, "leases", """{ "Faults": [] }""");
        Assert.Equal(HttpStatusCode.Created, standard.StatusCode);
        Assert.Equal(_clock.Now + TimeSpan.FromSeconds(30), JsonNode.Parse(await standard.Content.ReadAsStringAsync())!["expiresAt"]!.GetValue<DateTimeOffset>());

        using var invalid = await SendAsync(HttpMethod.Post, "leases", """{ "Faults": [ { "Kind": "Nope" } ] }""");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(2, _controller.Leases.Count);
    }

    [Fact]
    public async Task A_lease_is_renewed_for_the_asked_seconds_or_the_default_and_ended_once()
    {
        var lease = _controller.Lease(Profiles.Status(HttpStatusCode.BadGateway, "leased"));
        _clock.Now += TimeSpan.FromSeconds(5);

        using var asked = await SendAsync(HttpMethod.Put, $"leases/{lease.Id}?seconds=7", null);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal(_clock.Now + TimeSpan.FromSeconds(7), JsonNode.Parse(await asked.Content.ReadAsStringAsync())!["expiresAt"]!.GetValue<DateTimeOffset>());
        using var zero = await SendAsync(HttpMethod.Put, $"leases/{lease.Id}?seconds=0", null);
        Assert.Equal(_clock.Now + TimeSpan.FromSeconds(30), JsonNode.Parse(await zero.Content.ReadAsStringAsync())!["expiresAt"]!.GetValue<DateTimeOffset>());
        using var standard = await SendAsync(HttpMethod.Put, $"leases/{lease.Id}", null);
        Assert.Equal(HttpStatusCode.OK, standard.StatusCode);

        using var ended = await SendAsync(HttpMethod.Delete, $"leases/{lease.Id}", null);
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        using var renewGone = await SendAsync(HttpMethod.Put, $"leases/{lease.Id}", null);
        await AssertNotFoundAsync(renewGone, $"No lease '{lease.Id}': it ended or expired.");
        using var endGone = await SendAsync(HttpMethod.Delete, $"leases/{lease.Id}", null);
        await AssertNotFoundAsync(endGone, $"No lease '{lease.Id}': it ended or expired.");
    }

    [Fact]
    public async Task The_client_reports_refusals_with_method_path_status_and_errors()
    {
        var client = new FaultControlClient(_http, _clock);

        var unknown = await Assert.ThrowsAsync<FaultControlException>(() => client.RemoveFaultAsync("fault-9"));
        Assert.Equal(404, unknown.StatusCode);
        Assert.Empty(unknown.Errors);
        Assert.Equal("DELETE faults/fault-9: 404 Not Found. No fault 'fault-9'.", unknown.Message);

        var invalid = await Assert.ThrowsAsync<FaultControlException>(() => client.AddFaultAsync("""{ "Kind": "Status", "StatusCode": 200 }"""));
        Assert.Equal(400, invalid.StatusCode);
        Assert.Equal(["StatusCode: must be an error status from 400 to 599 (was 200)."], invalid.Errors);
        Assert.Equal("POST faults: 400 Invalid fault profile. StatusCode: must be an error status from 400 to 599 (was 200).", invalid.Message);

        var replace = await Assert.ThrowsAsync<FaultControlException>(() => client.ReplaceFaultAsync("a b", """{ "Kind": "Hang" }"""));
        Assert.Equal("PUT faults/a%20b: 404 Not Found. No fault 'a b'.", replace.Message);
    }

    [Fact]
    public async Task A_reset_names_the_starting_profile_as_configured_again_in_the_state()
    {
        var client = new FaultControlClient(_http, _clock);
        _controller.SwitchProfile("throttled", Profiles.Status(HttpStatusCode.TooManyRequests, "limit"));
        Assert.Equal("throttled", (string?)(await client.GetStateAsync())["profile"]);

        await client.ResetAsync();

        var state = await client.GetStateAsync();
        Assert.Equal("flaky", (string?)state["profile"]);
        Assert.Equal("baseline", (string?)Assert.Single(state["faults"]!.AsArray())!["fault"]!["Name"]);
    }

    [Fact]
    public async Task The_client_drives_every_route()
    {
        var client = new FaultControlClient(_http, _clock);

        string id = await client.AddFaultAsync(Profiles.Status(HttpStatusCode.BadGateway, "coded").Faults[0]);
        Assert.Equal("fault-1", id);
        await client.ReplaceFaultAsync(id, """{ "Kind": "Status", "Name": "coded", "StatusCode": 504 }""");
        Assert.Equal(504, ((StatusFault)_controller.Faults[1].Fault).StatusCode);
        await client.SetEnabledAsync(false);
        Assert.False(_controller.Enabled);
        Assert.False((bool)(await client.GetStateAsync())["enabled"]!);
        await client.SetEnabledAsync(true);
        Assert.True(_controller.Enabled);
        await client.RemoveFaultAsync(id);
        Assert.Single(_controller.Faults);
        _controller.Add(Profiles.Status(HttpStatusCode.Conflict, "again").Faults[0]);
        await client.ResetAsync();
        Assert.Single(_controller.Faults);
        var counters = await client.GetCountersAsync();
        Assert.Equal(_controller.GetCounters().Forwarded, counters.Forwarded);
    }

    [Fact]
    public async Task A_client_lease_renews_every_third_of_its_life_asks_its_duration_and_ends_on_dispose()
    {
        var client = new FaultControlClient(_http, _clock);

        var lease = await client.ApplyAsync(Profiles.Status(HttpStatusCode.BadGateway, "leased"), TimeSpan.FromSeconds(12));

        var serverLease = Assert.Single(_controller.Leases);
        Assert.Equal(lease.Info.Id, serverLease.Id);
        Assert.Equal(_clock.Now + TimeSpan.FromSeconds(12), lease.Info.ExpiresAt);
        Assert.Equal(serverLease.FaultIds, lease.Info.FaultIds);
        var renewal = _clock.Timers[^1];
        Assert.Equal(TimeSpan.FromSeconds(4), renewal.Due);
        Assert.Equal(TimeSpan.FromSeconds(4), renewal.Period);

        _clock.Now += TimeSpan.FromSeconds(4);
        renewal.Fire();
        await UntilAsync(() => lease.Renewals == 1);
        Assert.Equal(_clock.Now + TimeSpan.FromSeconds(12), Assert.Single(_controller.Leases).ExpiresAt); // renewed for its own 12 s
        Assert.False(lease.Lost);

        await lease.DisposeAsync();
        Assert.True(renewal.Disposed);
        Assert.Empty(_controller.Leases);
        Assert.Single(_controller.Faults);
        await lease.DisposeAsync(); // twice is harmless
    }

    [Fact]
    public async Task A_client_lease_without_a_duration_takes_the_server_default_and_knows_when_it_is_lost()
    {
        var client = new FaultControlClient(_http, _clock);

        var lease = await client.ApplyAsync("""{ "Faults": [ { "Kind": "Status", "Name": "leased", "StatusCode": 502 } ] }""");

        Assert.Equal(_clock.Now + TimeSpan.FromSeconds(30), lease.Info.ExpiresAt);
        var renewal = _clock.Timers[^1];
        Assert.Equal(TimeSpan.FromSeconds(10), renewal.Due);
        _clock.Now += TimeSpan.FromSeconds(10);
        renewal.Fire();
        await UntilAsync(() => lease.Renewals == 1);
        Assert.Equal(_clock.Now + TimeSpan.FromSeconds(30), Assert.Single(_controller.Leases).ExpiresAt);

        Assert.True(_controller.EndLease(lease.Info.Id)); // as if it expired on the server
        renewal.Fire();
        await UntilAsync(() => lease.Lost);
        Assert.Equal(1, lease.Renewals);
        await lease.DisposeAsync();
    }

    [Fact]
    public async Task A_client_whose_clock_is_past_the_expiry_renews_every_third_of_a_second()
    {
        var late = new ManualClock { Now = _clock.Now + TimeSpan.FromMinutes(1) };
        var client = new FaultControlClient(_http, late);

        await using var lease = await client.ApplyAsync(Profiles.Status(HttpStatusCode.BadGateway, "leased"));

        Assert.Equal(TimeSpan.FromSeconds(1) / 3, late.Timer.Due);
    }

    [Fact]
    public void The_client_needs_a_base_address()
    {
        var error = Assert.Throws<ArgumentException>(() => new FaultControlClient(new HttpClient()));
        Assert.Equal("http", error.ParamName);
        Assert.StartsWith("The HttpClient needs the control API's BaseAddress.", error.Message);
    }

    [Fact]
    public void The_client_needs_an_http_client()
    {
        Assert.Equal("http", Assert.Throws<ArgumentNullException>(() => new FaultControlClient(null!)).ParamName);
    }

    [Fact]
    public async Task A_client_whose_clock_is_exactly_at_the_expiry_renews_every_third_of_a_second()
    {
        var atExpiry = new ManualClock { Now = _clock.Now + TimeSpan.FromSeconds(30) };
        var client = new FaultControlClient(_http, atExpiry);

        await using var lease = await client.ApplyAsync(Profiles.Status(HttpStatusCode.BadGateway, "leased"));

        Assert.Equal(atExpiry.Now, lease.Info.ExpiresAt);
        Assert.Equal(TimeSpan.FromSeconds(1) / 3, atExpiry.Timer.Due);
    }

    [Fact]
    public async Task A_refusal_without_a_problem_body_is_titled_by_the_status_reason()
    {
        using var elsewhere = new HttpClient(_app.GetTestServer().CreateHandler()) { BaseAddress = new Uri("http://localhost/not-faultlab/") };
        var client = new FaultControlClient(elsewhere, _clock);

        var error = await Assert.ThrowsAsync<FaultControlException>(() => client.GetStateAsync());

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("GET : 404 Not Found.", error.Message);
    }

    [Fact]
    public void Mapping_needs_the_endpoints()
    {
        Assert.Equal("endpoints", Assert.Throws<ArgumentNullException>(() => FaultControlEndpoints.MapFaultControl(null!)).ParamName);
    }

    [Fact]
    public async Task A_renewal_that_cannot_reach_the_server_is_tried_again_at_the_next_tick_without_an_unobserved_error()
    {
        var network = new SwitchableHandler(_app.GetTestServer().CreateHandler());
        var client = new FaultControlClient(new HttpClient(network) { BaseAddress = _http.BaseAddress }, _clock);
        var lease = await client.ApplyAsync(Profiles.Status(HttpStatusCode.BadGateway, "leased"), TimeSpan.FromSeconds(12));
        var renewal = _clock.Timers[^1];
        string unreachable = "control API unreachable " + Guid.NewGuid();
        var unobserved = new List<Exception>();
        void Collect(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            lock (unobserved)
            {
                unobserved.AddRange(e.Exception.Flatten().InnerExceptions.Where(x => x.Message == unreachable));
            }
        }

        TaskScheduler.UnobservedTaskException += Collect;
        try
        {
            network.Failure = new HttpRequestException(unreachable);
            renewal.Fire();
            Assert.Equal(1, network.Failed);
            ForgetFinishedTasks();

            Assert.Empty(unobserved);
            Assert.Equal(0, lease.Renewals);
            Assert.False(lease.Lost);
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= Collect;
        }

        network.Failure = null;
        renewal.Fire();
        await UntilAsync(() => lease.Renewals == 1);
        await lease.DisposeAsync();
        Assert.Empty(_controller.Leases);
    }

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return _http.SendAsync(request);
    }

    private static async Task AssertInvalidAsync(HttpResponseMessage response, params string[] errors)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Invalid fault profile", (string?)problem["title"]);
        Assert.Equal(string.Join(" ", errors), (string?)problem["detail"]);
        Assert.Equal(errors, problem["errors"]!.AsArray().Select(e => (string)e!));
    }

    private static async Task AssertNotFoundAsync(HttpResponseMessage response, string detail)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(detail, (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
    }

    /// <summary>Finalizes every task nobody holds any more, so one that ended in an error nobody observed reports it.</summary>
    private static void ForgetFinishedTasks()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    /// <summary>Waits for the lease's background renewal (an in-memory HTTP call) to land; fails after 10 s.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }
}

/// <summary>The way to the control API, which a test can break: while <see cref="Failure"/> is set, every request fails with it.</summary>
internal sealed class SwitchableHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _failed;

    public Exception? Failure { get; set; }

    public int Failed => Volatile.Read(ref _failed);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Failure is { } failure)
        {
            Interlocked.Increment(ref _failed);
            return Task.FromException<HttpResponseMessage>(failure);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
