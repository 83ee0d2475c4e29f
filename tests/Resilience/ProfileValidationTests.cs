using System.Text;
using Microsoft.Extensions.Configuration;

namespace FaultLab.Tests;

/// <summary>Profile validation reports every problem at once, each with its path, and misses none that would make a
/// fault silently never fire or make telemetry ambiguous.</summary>
public sealed class ProfileValidationTests
{
    [Fact]
    public void A_typo_inside_a_fault_names_the_key_and_the_settings_the_kind_knows()
    {
        var errors = Validate("""{ "Kind": "Status", "InjectonRate": 0.5 }""");

        var error = Assert.Single(errors);
        Assert.StartsWith("FaultLab:Faults:0:InjectonRate: unknown setting; known: ", error);
        Assert.Contains("InjectionRate", error);
        Assert.Contains("StatusCode", error);
        Assert.Contains("Kind", error);
    }

    [Fact]
    public void A_conversion_error_hides_none_of_the_same_faults_other_problems()
    {
        var errors = Validate("""{ "Kind": "Latency", "InjectionRate": "abc", "Delay": "5s", "Schedule": { "Up": "00:00:01" } }""");

        Assert.Equal(
        [
            "FaultLab:Faults:0:Delay: '5s' is not a TimeSpan: write [d.]hh:mm:ss[.fffffff], for example 00:00:05 for 5 seconds or 00:00:00.250 for 250 ms.",
            "FaultLab:Faults:0:InjectionRate: 'abc' is not a number (a dot for decimals, for example 0.25).",
            "FaultLab:Faults:0:Schedule:Down: flapping needs a positive Down period (was missing).",
            "FaultLab:Faults:0:Delay: a latency fault needs a delay: Delay, or Min and Max, or P50 and P99.",
        ], errors);
    }

    [Theory]
    [InlineData("\"\"", "FaultLab:Faults:0:Target:Headers:: '' is not a request header name a target can match.")]
    [InlineData("\"X Api Key\"", "FaultLab:Faults:0:Target:Headers:X Api Key: 'X Api Key' is not a request header name a target can match.")]
    [InlineData("\"Content-Type\"", "FaultLab:Faults:0:Target:Headers:Content-Type: 'Content-Type' is not a request header name a target can match.")]
    public void A_header_target_that_no_request_can_match_is_refused(string name, string expected)
    {
        var errors = Validate($$"""{ "Kind": "Hang", "Target": { "Headers": { {{name}}: "v" } } }""");

        Assert.Equal(expected, Assert.Single(errors));
    }

    [Fact]
    public void Two_faults_of_one_name_are_refused_because_telemetry_could_not_tell_them_apart()
    {
        var errors = Validate("""{ "Kind": "Hang", "Name": "blip" }, { "Kind": "DnsFailure", "Name": "blip" }""");

        Assert.Equal("FaultLab:Faults:1:Name: 'blip' already names FaultLab:Faults:0; each fault needs its own name.", Assert.Single(errors));
    }

    [Fact]
    public void Every_problem_of_every_fault_is_reported_in_one_run()
    {
        var errors = Validate("""
            { "Kind": "Status", "StatusCode": 200, "RetryAfter": "2 seconds", "Name": "a" },
            { "Kind": "Teleport" },
            { "Kind": "RateLimit", "PermitLimit": "many", "Window": "00:00:00", "Name": "a" }
            """);

        Assert.Equal(
        [
            "FaultLab:Faults:0:RetryAfter: '2 seconds' is not a TimeSpan",
            "FaultLab:Faults:1:Kind: unknown fault kind 'Teleport'",
            "FaultLab:Faults:2:PermitLimit: 'many' is not a whole number.",
            "FaultLab:Faults:0:StatusCode: must be an error status from 400 to 599 (was 200).",
            "FaultLab:Faults:2:PermitLimit: must be positive (was 0).",
            "FaultLab:Faults:2:Window: must be positive (was 00:00:00).",
            "FaultLab:Faults:2:Name: 'a' already names FaultLab:Faults:0",
        ], errors.Select(e => e.Split(';')[0].Split(": write")[0]));
    }

    [Fact]
    public void A_file_that_is_an_array_or_broken_JSON_says_so_with_one_position()
    {
        string array = TempFile("""[ { "Kind": "Hang" } ]""");
        string broken = TempFile("{\n  \"Faults\": [\n    { \"Kind\": \"Hang\" },\n  }\n}");

        var notAnObject = Assert.Throws<FaultProfileException>(() => FaultProfileFile.Load(array));
        var syntax = Assert.Throws<FaultProfileException>(() => FaultProfileFile.Load(broken));

        Assert.Equal("$: must be a JSON object { ... } (was an array).", Assert.Single(notAnObject.Errors));
        Assert.Matches(@"^.+\(4,3\): invalid JSON: [^\d]*$", Assert.Single(syntax.Errors)); // line 4, column 3; no second, 0-based position
    }

    [Fact]
    public void A_profile_file_names_each_setting_by_its_JSON_path()
    {
        string file = TempFile("""{ "FaultLab": { "Faults": [ { "Kind": "Status", "StatusCode": 302 } ] } }""");

        var error = Assert.Throws<FaultProfileException>(() => FaultProfileFile.Load(file));

        Assert.Equal("$.FaultLab.Faults[0].StatusCode: must be an error status from 400 to 599 (was 302).", Assert.Single(error.Errors));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.5)]
    public void A_rate_from_0_to_1_inclusive_is_valid(double rate) =>
        Assert.Empty(Profile(new HangFault { InjectionRate = rate }).Validate());

    [Theory]
    [InlineData(-0.001, "Faults:0:InjectionRate: must be between 0 and 1 inclusive (was -0.001).")]
    [InlineData(1.001, "Faults:0:InjectionRate: must be between 0 and 1 inclusive (was 1.001).")]
    [InlineData(double.NaN, "Faults:0:InjectionRate: must be between 0 and 1 inclusive (was NaN).")]
    public void A_rate_outside_0_to_1_is_named_by_its_configuration_key(double rate, string expected) =>
        Assert.Equal([expected], Profile(new HangFault { InjectionRate = rate }).Validate());

    [Fact]
    public void Every_unmatchable_target_entry_is_named_by_its_index()
    {
        var target = new FaultTarget();
        target.Paths.Add("/ok/**");
        target.Paths.Add("orders");
        target.Paths.Add(" ");
        target.Hosts.Add("ok.example");
        target.Hosts.Add("");
        target.Methods.Add("GET");
        target.Methods.Add(" ");
        target.Headers["X-Ok"] = "";
        target.Headers["Bad:Name"] = "v";

        Assert.Equal(
        [
            "Faults:1:Target:Paths:1: a path glob must start with '/' (was 'orders').",
            "Faults:1:Target:Paths:2: a path glob must start with '/' (was ' ').",
            "Faults:1:Target:Hosts:1: a host must not be empty.",
            "Faults:1:Target:Headers:Bad:Name: 'Bad:Name' is not a request header name a target can match.",
            "Faults:1:Target:Methods:1: a method must not be empty.",
        ], Profile(new HangFault(), new HangFault { Name = "second", Target = target }).Validate());
    }

    [Fact]
    public void Faults_built_in_code_are_named_by_configuration_key_and_unnamed_ones_never_clash()
    {
        var errors = Profile(new HangFault(), new HangFault(), new HangFault { Name = "x" }, new StatusFault { Name = "x" }).Validate();

        Assert.Equal(["Faults:3:Name: 'x' already names Faults:2; each fault needs its own name."], errors);
    }

    [Fact]
    public void The_same_mistakes_are_named_by_the_same_keys_whether_the_profile_was_bound_built_from_objects_or_by_the_builder()
    {
        var bound = FaultInjectionOptions.FromConfiguration(Json("""
            { "Faults": [ { "Kind": "Hang" },
                          { "Kind": "Outage", "InjectionRate": 2, "Target": { "Paths": [ "/ok", "orders" ] },
                            "Schedule": { "Start": "00:00:01", "Duration": "-00:00:01" } } ] }
            """));
        var objects = Profile(new HangFault(), new OutageFault
        {
            InjectionRate = 2,
            Target = new FaultTarget { Paths = { "/ok", "orders" } },
            Schedule = new FaultSchedule { Start = TimeSpan.FromSeconds(1), Duration = TimeSpan.FromSeconds(-1) },
        });
        var builder = new FaultInjectionBuilder(new FaultInjectionOptions())
            .AddFault(new HangFault())
            .AddOutage(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(-1))
            .Options;
        builder.Faults[1].InjectionRate = 2;
        builder.Faults[1].Target = new FaultTarget { Paths = { "/ok", "orders" } };

        string[] expected =
        [
            "Faults:1:InjectionRate: must be between 0 and 1 inclusive (was 2).",
            "Faults:1:Target:Paths:1: a path glob must start with '/' (was 'orders').",
            "Faults:1:Schedule:Duration: must be positive (was -00:00:01).",
        ];
        Assert.Equal(expected, bound.Validate());
        Assert.Equal(expected, objects.Validate());
        Assert.Equal(expected, builder.Validate());
    }

    [Fact]
    public void A_fault_added_in_code_to_a_bound_profile_is_named_under_the_profiles_section()
    {
        var root = Json("""{ "FaultLab": { "Faults": [ { "Kind": "Hang" } ] } }""");
        var profile = FaultInjectionOptions.FromConfiguration(root.GetSection("FaultLab"));
        profile.Faults.Add(new StatusFault { StatusCode = 200 });

        Assert.Equal(["FaultLab:Faults:1:StatusCode: must be an error status from 400 to 599 (was 200)."], profile.Validate());
    }

    [Fact]
    public void The_validator_succeeds_on_a_valid_profile_and_fails_with_every_error_on_an_invalid_one()
    {
        var validator = new FaultLab.Configuration.FaultInjectionOptionsValidator();

        Assert.True(validator.Validate(null, Profile(new HangFault())).Succeeded);
        var failed = validator.Validate("api", Profile(new HangFault { InjectionRate = 2 }, new HangFault { InjectionRate = -1 }));
        Assert.True(failed.Failed);
        Assert.Equal(
        [
            "Faults:0:InjectionRate: must be between 0 and 1 inclusive (was 2).",
            "Faults:1:InjectionRate: must be between 0 and 1 inclusive (was -1).",
        ], failed.Failures!);
    }

    [Fact]
    public void A_profile_at_the_configuration_root_names_its_settings_from_Faults()
    {
        var root = Json("""{ "Faults": [ { "Kind": "Hang", "InjectionRate": 3 } ], "Sede": 1 }""");

        Assert.Equal(
        [
            "Sede: unknown setting; known: Enabled, AllowInProduction, Seed, Faults.",
            "Faults:0:InjectionRate: must be between 0 and 1 inclusive (was 3).",
        ], FaultInjectionOptions.FromConfiguration(root).Validate());
    }

    [Fact]
    public void A_fault_that_failed_to_bind_does_not_shift_the_index_of_the_next_ones()
    {
        var errors = Validate("""{ "Kind": "Teleport" }, { "Kind": "Hang", "InjectionRate": 2 }""");

        Assert.Equal("FaultLab:Faults:1:InjectionRate: must be between 0 and 1 inclusive (was 2).", errors[1]);
    }

    [Fact]
    public void The_profile_switches_bind_and_a_bad_one_says_what_is_accepted()
    {
        var good = FaultInjectionOptions.FromConfiguration(Json("""{ "Enabled": "false", "AllowInProduction": "TRUE", "Seed": "-12", "Faults": [ { "Kind": "hang" } ] }"""));
        var bad = FaultInjectionOptions.FromConfiguration(Json("""{ "Enabled": "no", "AllowInProduction": "1", "Seed": "1.5" }"""));
        var empty = FaultInjectionOptions.FromConfiguration(Json("""{ "Enabled": "", "Seed": "" }"""));

        Assert.False(good.Enabled);
        Assert.True(good.AllowInProduction);
        Assert.Equal(-12, good.Seed);
        Assert.IsType<HangFault>(Assert.Single(good.Faults));
        Assert.Empty(good.Validate());
        Assert.Equal(
        [
            "Enabled: 'no' is not true or false.",
            "AllowInProduction: '1' is not true or false.",
            "Seed: '1.5' is not a whole number.",
        ], bad.Validate());
        Assert.True(bad.Enabled);       // a bad value leaves the default in place
        Assert.False(bad.AllowInProduction);
        Assert.Null(bad.Seed);
        Assert.True(empty.Enabled);
        Assert.Null(empty.Seed);
        Assert.Empty(empty.Validate());
    }

    [Fact]
    public void A_missing_or_blank_kind_lists_every_known_kind()
    {
        string known = string.Join(", ", FaultCatalog.Kinds.Select(k => k.Name));

        Assert.Equal(
        [
            $"FaultLab:Faults:0:Kind: missing; known kinds: {known}.",
            $"FaultLab:Faults:1:Kind: missing; known kinds: {known}.",
            $"FaultLab:Faults:2:Kind: unknown fault kind 'Nope'; known kinds: {known}.",
        ], Validate("""{ "Name": "a" }, { "Kind": "  " }, { "Kind": "Nope" }"""));
        Assert.Contains("Hang", known);
    }

    [Fact]
    public void An_unknown_key_lists_exactly_the_settings_of_its_kind_or_its_nested_object()
    {
        Assert.Equal(
        [
            "FaultLab:Faults:0:Rate: unknown setting; known: Enabled, InjectionRate, Kind, Name, Schedule, Target.",
            "FaultLab:Faults:0:Schedule:End: unknown setting; known: Down, Duration, Start, Up.",
            "FaultLab:Faults:0:Target:Host: unknown setting; known: Headers, Hosts, Methods, Paths.",
        ], Validate("""{ "Kind": "Hang", "Rate": 1, "Target": { "Host": "a" }, "Schedule": { "End": "00:00:01" } }"""));
    }

    [Fact]
    public void Every_setting_type_converts_as_configuration_does_and_a_bad_value_says_what_is_accepted()
    {
        var fault = Assert.IsType<RateLimitFault>(Assert.Single(FaultInjectionOptions.FromConfiguration(Json("""
            { "Faults": [ { "Kind": "RateLimit", "PermitLimit": "7", "Window": "00:00:02.5", "PartitionBy": "header",
                            "PartitionHeader": "X-Key", "TokensPerPeriod": "", "InjectionRate": "0.25", "Enabled": "False",
                            "Name": "limit", "Target": { "Hosts": [ "a", "b" ], "Headers": { "X-Key": "k" } },
                            "Schedule": { "Start": "00:01:00", "Up": "00:00:01", "Down": "00:00:02" } } ] }
            """)).Faults));

        Assert.Equal(7, fault.PermitLimit);
        Assert.Equal(TimeSpan.FromSeconds(2.5), fault.Window);
        Assert.Equal(RateLimitPartition.Header, fault.PartitionBy);
        Assert.Equal("X-Key", fault.PartitionHeader);
        Assert.Null(fault.TokensPerPeriod);
        Assert.Equal(0.25, fault.InjectionRate);
        Assert.False(fault.Enabled);
        Assert.Equal("limit", fault.Name);
        Assert.Equal(["a", "b"], fault.Target!.Hosts);
        Assert.Equal("k", fault.Target.Headers["x-key"]);
        Assert.Equal(TimeSpan.FromMinutes(1), fault.Schedule!.Start);
        Assert.Equal(TimeSpan.FromSeconds(1), fault.Schedule.Up);
        Assert.Equal(TimeSpan.FromSeconds(2), fault.Schedule.Down);

        string partitions = string.Join(", ", Enum.GetNames<RateLimitPartition>());
        Assert.Equal(
        [
            "FaultLab:Faults:0:Enabled: 'yes' is not true or false.",
            $"FaultLab:Faults:0:HeaderStyle: 'Loud' is not one of {string.Join(", ", Enum.GetNames<RateLimitHeaderStyle>())}.",
            "FaultLab:Faults:0:InjectionRate: '0,5' is not a number (a dot for decimals, for example 0.25).",
            $"FaultLab:Faults:0:PartitionBy: '7' is not one of {partitions}.",
            "FaultLab:Faults:0:PermitLimit: expects a single value, not an object or a list.",
            "FaultLab:Faults:0:SegmentsPerWindow: '2.0' is not a whole number.",
            "FaultLab:Faults:0:Window: '' is not a TimeSpan: write [d.]hh:mm:ss[.fffffff], for example 00:00:05 for 5 seconds or 00:00:00.250 for 250 ms.",
        ], Validate("""
            { "Kind": "RateLimit", "PermitLimit": { "Value": 5 }, "Window": "", "PartitionBy": "7", "HeaderStyle": "Loud",
              "InjectionRate": "0,5", "SegmentsPerWindow": "2.0", "Enabled": "yes" }
            """).Take(7));
    }

    [Theory]
    [InlineData("1", typeof(long), 1L)]
    [InlineData("-9000000000", typeof(long), -9000000000L)]
    [InlineData("1.5e3", typeof(double), 1500.0)]
    [InlineData("00:00:01", typeof(TimeSpan?), null)]
    [InlineData("https://h/x", typeof(Uri), null)]
    public void TryConvert_reads_the_invariant_form_of_each_type(string value, Type type, object? expected)
    {
        Assert.True(FaultLab.Configuration.SettingsBinder.TryConvert(value, type, out var converted, out _));
        object? want = expected ?? (type == typeof(Uri) ? new Uri(value) : TimeSpan.FromSeconds(1));
        Assert.Equal(want, converted);
    }

    [Theory]
    [InlineData(null, typeof(int), false)]
    [InlineData("", typeof(int), false)]
    [InlineData("", typeof(int?), true)]
    [InlineData("", typeof(string), true)]
    [InlineData("1x", typeof(long), false)]
    [InlineData("nope", typeof(Uri), true)] // a relative URI
    [InlineData("1.5", typeof(decimal), true)]
    [InlineData("1,5.", typeof(decimal), false)]   // the converter throws ArgumentException
    [InlineData("nope", typeof(Guid), false)]      // ... FormatException
    [InlineData("nope", typeof(object), false)]    // ... NotSupportedException
    public void TryConvert_accepts_empty_only_for_nullable_and_string_settings(string? value, Type type, bool ok)
    {
        Assert.Equal(ok, FaultLab.Configuration.SettingsBinder.TryConvert(value, type, out var converted, out string accepted));
        if (!ok)
        {
            Assert.Null(converted);
            Assert.Equal(type == typeof(int) || type == typeof(long) ? "a whole number" : $"a valid {type.Name}", accepted);
        }
    }

    [Fact]
    public void A_missing_file_or_a_directory_names_the_path()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"faultlab-missing-{Guid.NewGuid():N}.json");
        string noDirectory = Path.Combine(Path.GetTempPath(), $"faultlab-missing-{Guid.NewGuid():N}", "p.json");
        string directory = Path.GetTempPath();

        Assert.Equal($"{missing}: file not found.", Assert.Single(Assert.Throws<FaultProfileException>(() => FaultProfileFile.Load(missing)).Errors));
        Assert.Equal($"{noDirectory}: file not found.", Assert.Single(Assert.Throws<FaultProfileException>(() => FaultProfileFile.Load(noDirectory)).Errors));
        Assert.StartsWith($"{directory}: cannot be read (", Assert.Single(Assert.Throws<FaultProfileException>(() => FaultProfileFile.Load(directory)).Errors));
    }

    [Theory]
    [InlineData("\"text\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    public void A_file_that_is_not_an_object_says_what_it_is(string json, string what)
    {
        string file = TempFile(json);

        var error = Assert.Throws<FaultProfileException>(() => FaultProfileFile.Load(file));

        Assert.Equal($"$: must be a JSON object {{ ... }} (was {what}).", Assert.Single(error.Errors));
        Assert.Equal($"Invalid fault profile ({file}): $: must be a JSON object {{ ... }} (was {what}).", error.Message);
    }

    [Fact]
    public void A_profile_file_may_hold_the_profile_at_its_root_with_comments_and_trailing_commas()
    {
        string valid = TempFile("""
            // a profile at the root
            { "Seed": 3, "Faults": [ { "Kind": "Status", "StatusCode": 429, }, ], }
            """);
        string invalid = TempFile("""{ "Faults": [ { "Kind": "Status", "StatusCode": 302 } ] }""");

        var profile = FaultProfileFile.Load(valid);

        Assert.Equal(3, profile.Seed);
        Assert.Equal(429, Assert.IsType<StatusFault>(Assert.Single(profile.Faults)).StatusCode);
        Assert.Equal("$.Faults[0].StatusCode: must be an error status from 400 to 599 (was 302).",
            Assert.Single(Assert.Throws<FaultProfileException>(() => FaultProfileFile.Load(invalid)).Errors));
    }

    [Theory]
    [InlineData("FaultLab:Faults:0:Rate: bad", "$.FaultLab.Faults[0].Rate: bad")]
    [InlineData("Faults:12:Target:Paths:3: bad", "$.Faults[12].Target.Paths[3]: bad")]
    [InlineData("Seed: bad: really", "$.Seed: bad: really")]
    [InlineData("$.Seed: bad", "$.Seed: bad")]           // already a JSON path
    [InlineData("a file: is broken", "a file: is broken")] // no path: the text before the colon has a space
    [InlineData(": bad", ": bad")]
    [InlineData("no colon at all", "no colon at all")]
    public void A_validation_message_opens_with_a_JSON_path(string message, string expected) =>
        Assert.Equal(expected, FaultProfileFile.WithJsonPath(message));

    [Fact]
    public void Binding_replaces_the_faults_and_errors_of_an_earlier_binding()
    {
        var options = new FaultInjectionOptions();
        options.Faults.Add(new HangFault());
        FaultLab.Configuration.FaultProfileBinder.Bind(Json("""{ "Seed": "x", "Faults": [ { "Kind": "Status" } ] }"""), options);
        Assert.Equal(["Seed: 'x' is not a whole number."], options.Validate());

        FaultLab.Configuration.FaultProfileBinder.Bind(Json("""{ "Faults": [ { "Kind": "DnsFailure" } ] }"""), options);

        Assert.IsType<DnsFailureFault>(Assert.Single(options.Faults));
        Assert.Empty(options.Validate());
    }

    private static FaultInjectionOptions Profile(params Fault[] faults)
    {
        var profile = new FaultInjectionOptions();
        foreach (var fault in faults)
        {
            profile.Faults.Add(fault);
        }

        return profile;
    }

    private static IConfigurationRoot Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    private static IReadOnlyList<string> Validate(string faults)
    {
        var root = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes($$"""{ "FaultLab": { "Faults": [ {{faults}} ] } }""")))
            .Build();
        return FaultInjectionOptions.FromConfiguration(root.GetSection("FaultLab")).Validate();
    }

    private static string TempFile(string json)
    {
        string path = Path.Combine(Path.GetTempPath(), $"faultlab-profile-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
