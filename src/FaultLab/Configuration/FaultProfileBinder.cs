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
                options.BindingErrors.Add($"{child.Path}: unknown setting '{child.Key}'; known: {string.Join(", ", ProfileKeys)}.");
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
            errors.Add($"{section.Path}:Kind: missing; known kinds: {KnownKinds}.");
            return null;
        }

        if (FaultCatalog.Find(kind)?.Create() is not { } fault)
        {
            errors.Add($"{section.Path}:Kind: unknown fault kind '{kind}'; known kinds: {KnownKinds}.");
            return null;
        }

        try
        {
            section.Bind(fault, o => o.ErrorOnUnknownConfiguration = true);
            fault.SourcePath = section.Path;
        }
        catch (InvalidOperationException ex)
        {
            errors.Add(Describe(ex, section.Path));
            return null;
        }

        return fault;
    }

    private static string KnownKinds => string.Join(", ", FaultCatalog.Kinds.Select(k => k.Name));

    private static T Read<T>(IConfiguration section, string key, T fallback, List<string> errors)
    {
        try
        {
            return section.GetValue(key, fallback)!;
        }
        catch (InvalidOperationException ex)
        {
            errors.Add(Describe(ex, (section as IConfigurationSection)?.Path is { Length: > 0 } p ? $"{p}:{key}" : key));
            return fallback;
        }
    }

    private static string Describe(InvalidOperationException ex, string path)
    {
        // The binder's message names the path ("Failed to convert configuration value at 'X:Y' to type ...").
        string detail = ex.InnerException?.Message is { } inner ? $" ({inner})" : string.Empty;
        return ex.Message.Contains($"'{path}", StringComparison.Ordinal) ? ex.Message + detail : $"{path}: {ex.Message}{detail}";
    }
}
