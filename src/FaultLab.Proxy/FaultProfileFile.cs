using Microsoft.Extensions.Configuration;

namespace FaultLab.Proxy;

/// <summary>Reads a fault profile from a JSON file in the README's schema, so the proxy takes the same files as
/// <c>AddFaultInjection(IConfigurationSection)</c> and <c>faultlab validate</c>.</summary>
public static class FaultProfileFile
{
    /// <summary>Loads and validates a profile. The file may hold the profile at its root or under <c>FaultLab</c>.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The validated profile.</returns>
    /// <exception cref="FaultProfileException">The file is missing, is not JSON, or the profile is invalid; every
    /// problem names its setting's path (for example <c>FaultLab:Faults:0:StatusCode</c>).</exception>
    public static FaultInjectionOptions Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        IConfigurationRoot root;
        try
        {
            root = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: false).Build();
        }
        catch (Exception ex) when (ex is IOException or FormatException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new FaultProfileException(path, [ex.Message]);
        }

        IConfiguration section = root.GetSection("FaultLab") is { } named && named.Exists() ? named : root;
        var profile = FaultInjectionOptions.FromConfiguration(section);
        return profile.Validate() is { Count: > 0 } errors ? throw new FaultProfileException(path, errors) : profile;
    }
}
