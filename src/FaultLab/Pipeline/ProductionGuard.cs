namespace FaultLab.Pipeline;

/// <summary>
/// Refuses injection in the Production environment unless the profile allows it. Under a host the environment is
/// <c>IHostEnvironment.EnvironmentName</c>; without one (a bare service collection, <see cref="FaultInjection"/>)
/// it is the process's <c>DOTNET_ENVIRONMENT</c>, else <c>ASPNETCORE_ENVIRONMENT</c>, as the hosts read them.
/// Unset means "not known to be Production" here: a test process without a host must not lose its faults.
/// </summary>
internal static class ProductionGuard
{
    public static string? ProcessEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        return read("DOTNET_ENVIRONMENT") ?? read("ASPNETCORE_ENVIRONMENT");
    }

    public static bool Refuses(FaultInjectionOptions options, string? environmentName) =>
        !options.AllowInProduction && string.Equals(environmentName, "Production", StringComparison.OrdinalIgnoreCase);
}
