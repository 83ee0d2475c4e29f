using Microsoft.Extensions.Options;

namespace FaultLab.Configuration;

/// <summary>Validates a profile at startup, naming each offending setting by its configuration key (see
/// <see cref="SettingPath"/>), whether the profile was bound from configuration or built in code.</summary>
internal sealed class FaultInjectionOptionsValidator : IValidateOptions<FaultInjectionOptions>
{
    public ValidateOptionsResult Validate(string? name, FaultInjectionOptions options)
    {
        var errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static List<string> Collect(FaultInjectionOptions options)
    {
        var errors = new List<string>(options.BindingErrors);
        SettingPath faults = new SettingPath(options.SourcePath ?? string.Empty).Child(nameof(options.Faults));
        var named = new Dictionary<string, SettingPath>(StringComparer.Ordinal);
        for (int i = 0; i < options.Faults.Count; i++)
        {
            // A fault bound from configuration keeps its own index there, even when an earlier entry failed to bind.
            var fault = options.Faults[i];
            var path = fault.SourcePath is { } bound ? new SettingPath(bound) : faults.Index(i);
            fault.Validate(path, errors);

            // The name is the faultlab.fault.name tag: two faults of one name could not be told apart in telemetry.
            if (fault.Name is { } name && !named.TryAdd(name, path))
            {
                errors.Add($"{path[nameof(Fault.Name)]}: '{name}' already names {named[name]}; each fault needs its own name.");
            }
        }

        return errors;
    }
}
