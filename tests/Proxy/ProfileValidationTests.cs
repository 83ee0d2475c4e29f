namespace FaultLab.Proxy.Tests;

public sealed class ProfileValidationTests
{
    [Fact]
    public void An_invalid_profile_file_is_refused_naming_each_setting_path()
    {
        string path = Path.Combine(Path.GetTempPath(), $"faultlab-proxy-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "FaultLab": { "Faults": [
              { "Kind": "Status", "StatusCode": 200 },
              { "Kind": "Latency", "InjectionRate": 1.5, "Delay": "00:00:01" } ] } }
            """);
        try
        {
            var error = Assert.Throws<FaultProfileException>(() => FaultProfileFile.Load(path));

            Assert.Contains(error.Errors, e => e.StartsWith("$.FaultLab.Faults[0].StatusCode:", StringComparison.Ordinal));
            Assert.Contains(error.Errors, e => e.StartsWith("$.FaultLab.Faults[1].InjectionRate:", StringComparison.Ordinal));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_valid_profile_file_at_the_root_loads()
    {
        string path = Path.Combine(Path.GetTempPath(), $"faultlab-proxy-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "Seed": 3, "Faults": [ { "Kind": "Status", "StatusCode": 502 } ] }""");
        try
        {
            var profile = FaultProfileFile.Load(path);

            Assert.Equal(3, profile.Seed);
            Assert.Single(profile.Faults);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_refused_with_its_path()
    {
        var error = Assert.Throws<FaultProfileException>(() => FaultProfileFile.Load("/nonexistent/faultlab.json"));

        Assert.Contains("faultlab.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_proxy_options_are_refused_before_listening()
    {
        var profile = new FaultInjectionOptions();
        profile.Faults.Add(new StatusFault { StatusCode = 302 });

        var error = Assert.Throws<FaultProfileException>(() => new FaultProxy(new FaultProxyOptions
        {
            Upstream = new Uri("ftp://example.test/"),
            Profile = profile,
            Port = 70000,
        }));

        Assert.Contains(error.Errors, e => e.StartsWith("Upstream:", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("Port:", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("StatusCode", StringComparison.Ordinal));
    }
}
