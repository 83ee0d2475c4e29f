namespace FaultLab;

/// <summary>
/// Fluent, strongly typed construction of a fault profile. Each fault kind contributes <c>AddXxx</c> extension
/// methods; faults are evaluated in the order added (see README, "Composition").
/// </summary>
public sealed class FaultInjectionBuilder
{
    internal FaultInjectionBuilder(FaultInjectionOptions options) => Options = options;

    /// <summary>Gets the profile being built.</summary>
    public FaultInjectionOptions Options { get; }

    /// <summary>Adds a fault.</summary>
    /// <param name="fault">The fault, with its rate, target and schedule.</param>
    /// <returns>The same builder.</returns>
    public FaultInjectionBuilder AddFault(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Options.Faults.Add(fault);
        return this;
    }

    /// <summary>Adds a fault of kind <typeparamref name="TFault"/> configured by <paramref name="configure"/>.</summary>
    /// <typeparam name="TFault">The fault kind.</typeparam>
    /// <param name="configure">Sets the fault's settings.</param>
    /// <returns>The same builder.</returns>
    public FaultInjectionBuilder AddFault<TFault>(Action<TFault> configure)
        where TFault : Fault, new()
    {
        ArgumentNullException.ThrowIfNull(configure);
        var fault = new TFault();
        configure(fault);
        return AddFault(fault);
    }

    /// <summary>Makes every decision of the profile reproducible for a given request order.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The same builder.</returns>
    public FaultInjectionBuilder WithSeed(int seed)
    {
        Options.Seed = seed;
        return this;
    }

    /// <summary>Lets injection run in the Production environment. Think twice.</summary>
    /// <returns>The same builder.</returns>
    public FaultInjectionBuilder AllowInProduction()
    {
        Options.AllowInProduction = true;
        return this;
    }
}
