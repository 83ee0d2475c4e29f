using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace FaultLab.Configuration;

/// <summary>
/// Binds one fault's settings key by key, so every problem is reported with its path and none hides another: an
/// unknown key (a typo such as <c>InjectonRate</c>) lists the known ones, a value that does not convert says what is
/// accepted (a TimeSpan's format, an enum's names), and the fault's other keys are still bound and validated.
/// The configuration binder stops at the first conversion error and words an unknown key in its own terms.
/// </summary>
internal static class SettingsBinder
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, PropertyInfo>> Settings = new();

    /// <summary>Binds <paramref name="section"/>'s keys onto <paramref name="target"/>'s settings.</summary>
    /// <param name="section">The section holding the settings.</param>
    /// <param name="target">The object to set.</param>
    /// <param name="errors">Where each problem goes, with its configuration path.</param>
    /// <param name="skip">A key handled elsewhere (a fault's <c>Kind</c>).</param>
    public static void Bind(IConfigurationSection section, object target, List<string> errors, string? skip = null)
    {
        var settings = SettingsOf(target.GetType());
        foreach (var child in section.GetChildren())
        {
            if (skip is not null && string.Equals(child.Key, skip, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!settings.TryGetValue(child.Key, out var property))
            {
                var known = (skip is null ? settings.Keys : settings.Keys.Prepend(skip)).Order(StringComparer.Ordinal);
                errors.Add($"{child.Path}: unknown setting; known: {string.Join(", ", known)}.");
                continue;
            }

            BindSetting(child, target, property, errors);
        }
    }

    /// <summary>Converts a configuration value as the configuration binder would, or says what is accepted.</summary>
    public static bool TryConvert(string? value, Type type, out object? converted, out string accepted)
    {
        Type? underlying = Nullable.GetUnderlyingType(type);
        Type actual = underlying ?? type;
        accepted = Accepted(actual);
        converted = null;
        if (string.IsNullOrEmpty(value))
        {
            return underlying is not null || actual == typeof(string);
        }

        if (actual == typeof(string))
        {
            converted = value;
            return true;
        }

        if (actual.IsEnum)
        {
            return Enum.TryParse(actual, value, ignoreCase: true, out converted) && Enum.IsDefined(actual, converted!);
        }

        bool ok = actual switch
        {
            _ when actual == typeof(TimeSpan) => Try(TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var t), t, out converted),
            _ when actual == typeof(bool) => Try(bool.TryParse(value, out var b), b, out converted),
            _ when actual == typeof(int) => Try(int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i), i, out converted),
            _ when actual == typeof(long) => Try(long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l), l, out converted),
            _ when actual == typeof(double) => Try(double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d), d, out converted),
            _ => TryTypeConverter(value, actual, out converted),
        };
        return ok;
    }

    private static void BindSetting(IConfigurationSection child, object target, PropertyInfo property, List<string> errors)
    {
        Type type = property.PropertyType;
        if (IsScalar(type))
        {
            if (child.Value is null && child.GetChildren().Any())
            {
                errors.Add($"{child.Path}: expects a single value, not an object or a list.");
            }
            else if (TryConvert(child.Value, type, out var value, out string accepted))
            {
                property.SetValue(target, value);
            }
            else
            {
                errors.Add($"{child.Path}: '{child.Value}' is not {accepted}.");
            }
        }
        else if (property.CanWrite)
        {
            // A nested settings object (Target, Schedule): bound key by key as well.
            object nested = property.GetValue(target) ?? Activator.CreateInstance(type)!;
            Bind(child, nested, errors);
            property.SetValue(target, nested);
        }
        else
        {
            // A list of values or a dictionary (Hosts, Headers): the configuration binder fills the existing instance.
            try
            {
                child.Bind(property.GetValue(target)!);
            }
            catch (InvalidOperationException ex)
            {
                errors.Add($"{child.Path}: {ex.Message}");
            }
        }
    }

    private static Dictionary<string, PropertyInfo> SettingsOf(Type type) => Settings.GetOrAdd(type, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            // A setting: settable, or a list or dictionary filled in place (Hosts, Headers). Code-only members (a
            // predicate) and computed ones (Kind) are not.
            .Where(p => p.GetIndexParameters().Length == 0 && !typeof(Delegate).IsAssignableFrom(p.PropertyType))
            .Where(p => p.SetMethod is { IsPublic: true } || (!IsScalar(p.PropertyType) && typeof(System.Collections.IEnumerable).IsAssignableFrom(p.PropertyType)))
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase));

    private static bool IsScalar(Type type)
    {
        Type actual = Nullable.GetUnderlyingType(type) ?? type;
        return actual.IsPrimitive || actual.IsEnum || actual == typeof(string) || actual == typeof(TimeSpan) || actual == typeof(decimal) ||
               actual == typeof(DateTimeOffset) || actual == typeof(DateTime) || actual == typeof(Uri);
    }

    private static string Accepted(Type type) => type switch
    {
        _ when type == typeof(TimeSpan) => "a TimeSpan: write [d.]hh:mm:ss[.fffffff], for example 00:00:05 for 5 seconds or 00:00:00.250 for 250 ms",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) => "a number (a dot for decimals, for example 0.25)",
        _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type))}",
        _ => $"a valid {type.Name}",
    };

    private static bool Try<T>(bool ok, T value, out object? converted)
    {
        converted = ok ? value : null;
        return ok;
    }

    private static bool TryTypeConverter(string value, Type type, out object? converted)
    {
        try
        {
            converted = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException)
        {
            converted = null;
            return false;
        }
    }
}
