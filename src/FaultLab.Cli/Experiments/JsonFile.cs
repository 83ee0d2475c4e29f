using Microsoft.Extensions.Configuration;

namespace FaultLab.Cli.Experiments;

/// <summary>The CLI's JSON input, read by the core's <see cref="FaultProfileFile"/> (the reader the proxy uses too), so
/// <c>validate</c>, <c>run</c> and <c>proxy</c> word every problem the same way.</summary>
internal static class JsonFile
{
    public static IConfigurationRoot Read(string path)
    {
        try
        {
            return FaultProfileFile.ReadJson(path);
        }
        catch (FaultProfileException ex)
        {
            throw new InputException(string.Join(" ", ex.Errors));
        }
    }

    /// <summary>Rewrites the configuration path that opens a validation message as a JSON path.</summary>
    public static string WithJsonPath(string message) => FaultProfileFile.WithJsonPath(message);
}
