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
}
