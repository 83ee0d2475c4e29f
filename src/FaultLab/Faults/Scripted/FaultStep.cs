namespace FaultLab;

/// <summary>What one attempt of a <see cref="ScriptedFault"/> sees: a catalogue fault, realized as it is in a profile,
/// or nothing (the attempt reaches the dependency untouched).</summary>
public sealed class FaultStep
{
    private static readonly FaultStep Passing = new(null);

    private FaultStep(Fault? fault) => Fault = fault;

    /// <summary>Gets the fault this step realizes; <see langword="null"/> for a step that lets the attempt through.</summary>
    public Fault? Fault { get; }

    /// <summary>Gets the kind this step plays (<c>Pass</c> for none); reported in telemetry as the fault's kind.</summary>
    public string Kind => Fault?.Kind ?? "Pass";

    /// <summary>A step that lets the attempt reach the dependency untouched.</summary>
    /// <returns>The step.</returns>
    public static FaultStep Pass() => Passing;

    /// <summary>A step that realizes <paramref name="fault"/> (any kind of the <see cref="FaultCatalog"/>).</summary>
    /// <param name="fault">The fault whose outcome the attempt gets.</param>
    /// <returns>The step.</returns>
    public static FaultStep Of(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return fault is ScriptedFault ? throw new ArgumentException("A script step cannot be a script.", nameof(fault)) : new FaultStep(fault);
    }

    /// <inheritdoc/>
    public override string ToString() => Kind;
}
