namespace FaultLab;

/// <summary>
/// The rule every FaultLab entry point applies before injecting: the <c>Production</c> environment (any case) refuses
/// faults unless they are explicitly allowed there. It is public so that hosts which make their own handlers (header-controlled
/// faults, the Aspire fault proxy's dashboard state) decide, and show, exactly what the core's guard decides.
/// </summary>
public static class ProductionRule
{
    /// <summary>The environment name that refuses injection.</summary>
    public const string EnvironmentName = "Production";

    /// <summary>Tells whether injection is refused.</summary>
    /// <param name="environmentName">The environment (a host's <c>IHostEnvironment.EnvironmentName</c>, or
    /// <see cref="ProcessEnvironmentName()"/>); <see langword="null"/> means not known to be Production.</param>
    /// <param name="allowInProduction">Whether the profile allows injection in Production.</param>
    /// <returns><see langword="true"/> when the environment is Production and injection is not allowed there.</returns>
    public static bool Refuses(string? environmentName, bool allowInProduction) =>
        !allowInProduction && string.Equals(environmentName, EnvironmentName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the process's environment as .NET hosts do: <c>DOTNET_ENVIRONMENT</c>, else
    /// <c>ASPNETCORE_ENVIRONMENT</c>.</summary>
    /// <returns>The name, or <see langword="null"/> when neither variable is set.</returns>
    public static string? ProcessEnvironmentName() => ProcessEnvironmentName(Environment.GetEnvironmentVariable);

    /// <summary>Reads the environment from <paramref name="read"/> (a test's variables).</summary>
    internal static string? ProcessEnvironmentName(Func<string, string?> read) =>
        read("DOTNET_ENVIRONMENT") ?? read("ASPNETCORE_ENVIRONMENT");
}
