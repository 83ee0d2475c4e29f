namespace FaultLab.Configuration;

/// <summary>Names a setting in error messages the way its author wrote it: a configuration path or a property path.</summary>
internal readonly record struct SettingPath(string Prefix, bool IsConfiguration)
{
    public string this[string member] => IsConfiguration ? $"{Prefix}:{member}" : $"{Prefix}.{member}";

    public SettingPath Child(string member) => new(this[member], IsConfiguration);

    public SettingPath Index(int index) => new(IsConfiguration ? $"{Prefix}:{index}" : $"{Prefix}[{index}]", IsConfiguration);

    public override string ToString() => Prefix;
}
