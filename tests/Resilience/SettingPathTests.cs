using FaultLab.Configuration;

namespace FaultLab.Tests;

/// <summary>The one helper every validator names a setting with: configuration keys, at the root and below it.</summary>
public sealed class SettingPathTests
{
    [Fact]
    public void Members_and_entries_are_joined_with_the_configuration_key_delimiter()
    {
        var faults = SettingPath.Root.Child("Faults");

        Assert.Equal("HeaderName", SettingPath.Root["HeaderName"]);
        Assert.Equal("Faults", faults.ToString());
        Assert.Equal("Faults:12", faults.Index(12).Key);
        Assert.Equal("Faults:1:Target:Paths:0", faults.Index(1).Child("Target").Child("Paths").Index(0).Key);
        Assert.Equal("FaultLab:Faults:1:InjectionRate", new SettingPath("FaultLab").Child("Faults").Index(1)["InjectionRate"]);
    }

    [Fact]
    public void A_message_is_nested_under_a_path_and_named_relative_to_it_again()
    {
        var headerFaults = SettingPath.Root.Child("HeaderFaults");
        const string Message = "Faults:0:Name: is required: a header asks for a fault by name.";

        Assert.Equal("HeaderFaults:" + Message, headerFaults.Qualify(Message));
        Assert.Equal(Message, SettingPath.Root.Qualify(Message));
        Assert.Equal(Message, headerFaults.Relative(headerFaults.Qualify(Message)));
        Assert.Equal("Name: is required: a header asks for a fault by name.", headerFaults.Child("Faults").Index(0).Relative("HeaderFaults:" + Message));
    }

    [Theory]
    [InlineData("Faults:0", "Faults:1:Kind: missing", "Faults:1:Kind: missing")]      // another entry
    [InlineData("Faults:1", "Faults:12:Kind: missing", "Faults:12:Kind: missing")]   // a longer index, not a child
    [InlineData("Faults:0", "Faults:0", "Faults:0")]                                 // the path itself, no message
    [InlineData("", ": bad", ": bad")]                                               // the root strips nothing
    [InlineData("", "Seed: bad", "Seed: bad")]
    public void A_message_outside_the_path_is_left_as_it_is(string key, string message, string expected) =>
        Assert.Equal(expected, new SettingPath(key).Relative(message));
}
