using Microsoft.Extensions.Configuration;

namespace FaultLab.Configuration;

/// <summary>
/// Binds a profile from configuration. Faults are polymorphic (their <c>Kind</c> picks the type), which the
/// configuration binder cannot do alone; every problem is collected with its configuration path rather than thrown,
/// so validation can report them all at once, at startup.
/// </summary>
internal static class FaultProfileBinder
{
    private static readonly HashSet<string> ProfileKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        nameof(FaultInjectionOptions.Enabled), nameof(FaultInjectionOptions.AllowInProduction),
        nameof(FaultInjectionOptions.Seed), nameof(FaultInjectionOptions.Faults),
    };

    public static void Bind(IConfiguration section, FaultInjectionOptions options)
    {
        string root = section is IConfigurationSection s ? s.Path : string.Empty;
        options.SourcePath = root;
        options.SourceSnapshot = string.Join('\n', section.AsEnumerable(makePathsRelative: true)
            .OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase)
            .Select(kv => $"{kv.Key}={kv.Value}"));
        options.Faults.Clear();
        options.BindingErrors.Clear();

        foreach (var child in section.GetChildren())
        {
            if (!ProfileKeys.Contains(child.Key))
            {
                options.BindingErrors.Add($"{child.Path}: unknown setting; known: {string.Join(", ", ProfileKeys)}.");
            }
        }

        options.Enabled = Read(section, nameof(FaultInjectionOptions.Enabled), options.Enabled, options.BindingErrors);
        options.AllowInProduction = Read(section, nameof(FaultInjectionOptions.AllowInProduction), options.AllowInProduction, options.BindingErrors);
        options.Seed = Read<int?>(section, nameof(FaultInjectionOptions.Seed), options.Seed, options.BindingErrors);

        foreach (var faultSection in section.GetSection(nameof(FaultInjectionOptions.Faults)).GetChildren())
        {
            if (BindFault(faultSection, options.BindingErrors) is { } fault)
            {
                options.Faults.Add(fault);
            }
        }
    }

    private static Fault? BindFault(IConfigurationSection section, List<string> errors)
    {
        string? kind = section[nameof(Fault.Kind)];
        if (string.IsNullOrWhiteSpace(kind))
        {
            errors.Add($"{new SettingPath(section.Path)[nameof(Fault.Kind)]}: missing; known kinds: {KnownKinds}.");
            return null;
        }

        if (FaultCatalog.Find(kind)?.Create() is not { } fault)
        {
            errors.Add($"{new SettingPath(section.Path)[nameof(Fault.Kind)]}: unknown fault kind '{kind}'; known kinds: {KnownKinds}.");
            return null;
        }

        // Key by key: a typo or a value that does not convert is reported with its path, and the fault is still bound
        // and validated, so its other problems show in the same run.
        SettingsBinder.Bind(section, fault, errors, skip: nameof(Fault.Kind));
        fault.SourcePath = section.Path;
        return fault;
    }

    private static string KnownKinds => string.Join(", ", FaultCatalog.Kinds.Select(k => k.Name));

    private static T Read<T>(IConfiguration section, string key, T fallback, List<string> errors)
    {
        var setting = section.GetSection(key);
        if (setting.Value is not { Length: > 0 } value)
        {
            return fallback;
        }

        if (SettingsBinder.TryConvert(value, typeof(T), out var converted, out string accepted))
        {
            return (T)converted!;
        }

        errors.Add($"{setting.Path}: '{value}' is not {accepted}.");
        return fallback;
    }
}
