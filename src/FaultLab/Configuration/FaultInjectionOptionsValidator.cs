using Microsoft.Extensions.Options;

namespace FaultLab.Configuration;

/// <summary>Validates a profile at startup, naming each offending setting by its configuration or property path.</summary>
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
        SettingPath faults = options.SourcePath is { } source
            ? new SettingPath(source.Length == 0 ? "Faults" : $"{source}:Faults", IsConfiguration: true)
            : new SettingPath("Faults", IsConfiguration: false);
        for (int i = 0; i < options.Faults.Count; i++)
        {
            // A fault bound from configuration keeps its own index there, even when an earlier entry failed to bind.
            var fault = options.Faults[i];
            fault.Validate(fault.SourcePath is { } path ? new SettingPath(path, IsConfiguration: true) : faults.Index(i), errors);
        }

        return errors;
    }
}
