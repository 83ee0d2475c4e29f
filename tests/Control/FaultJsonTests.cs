namespace FaultLab.Control.Tests;

public sealed class FaultJsonTests
{
    [Fact]
    public void Every_fault_kind_written_reads_back_to_the_same_settings()
    {
        const string json = """
        { "Seed": 7, "Faults": [
          { "Kind": "Latency", "Name": "slow", "InjectionRate": 0.2, "P50": "00:00:00.050", "P99": "00:00:01.500",
            "Target": { "Hosts": [ "orders.example" ], "Paths": [ "/api/**" ], "Methods": [ "GET" ] } },
          { "Kind": "Status", "StatusCode": 503, "RetryAfter": "00:00:02", "Schedule": { "Start": "00:01:00", "Duration": "00:00:30" } },
          { "Kind": "DnsFailure", "InjectionRate": 0.01 },
          { "Kind": "ConnectionRefused" },
          { "Kind": "ConnectionReset" },
          { "Kind": "ConnectTimeout", "Timeout": "00:00:05" },
          { "Kind": "Hang" },
          { "Kind": "RateLimit", "Algorithm": "TokenBucket", "PermitLimit": 20, "Window": "00:00:01", "PartitionBy": "Host" },
          { "Kind": "ExpiredToken", "TokenLifetime": "00:05:00", "Realm": "orders" },
          { "Kind": "Outage", "Failure": "ConnectionRefused", "Schedule": { "Up": "00:00:10", "Down": "00:00:05" } },
          { "Kind": "SlowBody", "BytesPerSecond": 100 },
          { "Kind": "TruncatedBody", "AfterBytes": 10 },
          { "Kind": "MalformedBody" }
        ] }
        """;
        var profile = FaultJson.ReadProfile(json, out var errors);
        Assert.Empty(errors);

        string written = FaultJson.Write(profile);
        var again = FaultJson.ReadProfile(written, out var againErrors);

        Assert.Empty(againErrors);
        Assert.Equal(13, again.Faults.Count);
        Assert.Equal(written, FaultJson.Write(again));
        Assert.Equal(7, again.Seed);
        Assert.Contains("\"P99\":\"00:00:01.5000000\"", written);
    }

    [Fact]
    public void A_code_only_predicate_cannot_be_written()
    {
        var fault = FaultJson.ReadFault("""{ "Kind": "Hang", "Target": { "Methods": [ "GET" ] } }""", out _)!;
        fault.Target!.Predicate = _ => true;
        Assert.Throws<ArgumentException>(() => FaultJson.Write(fault));
    }

    [Fact]
    public void A_profile_is_read_at_the_root_or_under_FaultLab()
    {
        var nested = FaultJson.ReadProfile("""{ "FaultLab": { "Seed": 3, "Faults": [ { "Kind": "Hang", "Name": "nested" } ] }, "Other": 1 }""", out var errors);
        Assert.Empty(errors);
        Assert.Equal(3, nested.Seed);
        Assert.Equal("nested", Assert.Single(nested.Faults).Name);

        var root = FaultJson.ReadProfile("""{ "Seed": 4, "Faults": [ { "Kind": "Hang", "Name": "root" } ] }""", out var rootErrors);
        Assert.Empty(rootErrors);
        Assert.Equal(4, root.Seed);
        Assert.Equal("root", Assert.Single(root.Faults).Name);
    }

    [Fact]
    public void A_profile_that_is_no_JSON_object_is_one_error()
    {
        var profile = FaultJson.ReadProfile("{ not json", out var errors);

        Assert.StartsWith("The body is not a JSON object: ", Assert.Single(errors), StringComparison.Ordinal);
        Assert.Empty(profile.Faults);
    }

    [Theory]
    [InlineData("[ 1 ]", "A fault must be a JSON object.")]
    [InlineData("{ nope", "'n' is an invalid start of a property name.")]
    public void A_fault_that_is_no_JSON_object_is_one_error(string json, string start)
    {
        Assert.Null(FaultJson.ReadFault(json, out var errors));
        Assert.StartsWith(start, Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_fault_errors_name_its_settings_without_the_profile_prefix()
    {
        Assert.Null(FaultJson.ReadFault("""{ "Kind": "Status", "StatusCode": 200 }""", out var errors));
        Assert.Equal(["StatusCode: must be an error status from 400 to 599 (was 200)."], errors);

        var fault = FaultJson.ReadFault("""{ "Kind": "Status", "Name": "ok", "StatusCode": 502 }""", out var none);
        Assert.Empty(none);
        Assert.Equal(502, Assert.IsType<StatusFault>(fault).StatusCode);
    }

    [Fact]
    public void A_profile_is_written_with_its_switches_and_a_seed_only_when_set()
    {
        var profile = new FaultInjectionOptions { Enabled = false, AllowInProduction = true };
        Assert.Equal("""{"Enabled":false,"AllowInProduction":true,"Faults":[]}""", FaultJson.Write(profile));

        profile.Seed = 0;
        Assert.Equal("""{"Enabled":false,"AllowInProduction":true,"Faults":[],"Seed":0}""", FaultJson.Write(profile));
    }

    [Fact]
    public void The_code_only_refusal_names_the_fault_or_its_kind()
    {
        var named = FaultJson.ReadFault("""{ "Kind": "Hang", "Name": "stuck" }""", out _)!;
        named.Target = new FaultTarget { Predicate = _ => true };
        var error = Assert.Throws<ArgumentException>(() => FaultJson.Write(named));
        Assert.Equal("fault", error.ParamName);
        Assert.StartsWith("Fault 'stuck' has a code-only Target.Predicate, which JSON cannot carry.", error.Message);

        named.Name = null;
        Assert.StartsWith("Fault 'Hang' has", Assert.Throws<ArgumentException>(() => FaultJson.Write(named)).Message);

        named.Target = new FaultTarget { Methods = { "GET" } };
        Assert.DoesNotContain("Predicate", FaultJson.Write(named).ToJsonString());
    }

    [Fact]
    public void Missing_arguments_are_refused_by_name()
    {
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => FaultJson.ReadProfile(null!, out _)).ParamName);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => FaultJson.ReadFault(null!, out _)).ParamName);
        Assert.Equal("fault", Assert.Throws<ArgumentNullException>(() => FaultJson.Write((Fault)null!)).ParamName);
        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => FaultJson.Write((FaultInjectionOptions)null!)).ParamName);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => HeaderFaultOptions.Read(null!, out _)).ParamName);
    }

    [Fact]
    public void A_syntax_error_names_what_the_JSON_reader_found_not_only_that_the_file_could_not_be_parsed()
    {
        FaultJson.ReadProfile("{ not json", out var errors);

        Assert.Equal(
            "The body is not a JSON object: 'n' is an invalid start of a property name. Expected a '\"'. LineNumber: 0 | BytePositionInLine: 2.",
            Assert.Single(errors));
    }

    [Fact]
    public void An_empty_fault_object_is_an_error_not_an_exception()
    {
        Assert.Null(FaultJson.ReadFault("{}", out var errors));
        Assert.Equal([$"Kind: missing; known kinds: {string.Join(", ", FaultCatalog.Kinds.Select(k => k.Name))}."], errors);
    }
}
