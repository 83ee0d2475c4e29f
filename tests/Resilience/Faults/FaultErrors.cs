namespace FaultLab.Tests.Faults;

/// <summary>What validation says about one fault (as a profile holding only it reports it), and what a builder shorthand adds.</summary>
internal static class FaultErrors
{
    public static IReadOnlyList<string> Of(Fault fault)
    {
        var options = new FaultInjectionOptions();
        options.Faults.Add(fault);
        return options.Validate();
    }

    /// <summary>The faults a builder shorthand adds.</summary>
    public static IList<Fault> Built(Action<FaultInjectionBuilder> configure)
    {
        var builder = new FaultInjectionBuilder(new FaultInjectionOptions());
        configure(builder);
        return builder.Options.Faults;
    }
}
