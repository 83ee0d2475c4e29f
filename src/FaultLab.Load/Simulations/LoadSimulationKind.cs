namespace FaultLab.Load;

/// <summary>The shape of one load simulation phase.</summary>
public enum LoadSimulationKind
{
    /// <summary>Open model: a fixed arrival rate.</summary>
    Inject,
    /// <summary>Open model: the arrival rate ramps linearly from the previous open phase's rate (or 0).</summary>
    RampingInject,
    /// <summary>Open model: a fixed arrival rate until a number of iterations has been started.</summary>
    IterationsForInject,
    /// <summary>Closed model: a fixed number of copies looping back to back.</summary>
    KeepConstant,
    /// <summary>Closed model: the number of copies ramps linearly from the previous closed phase's copies (or 0).</summary>
    RampingConstant,
    /// <summary>Closed model: a fixed number of copies sharing a fixed number of iterations.</summary>
    IterationsForConstant,
    /// <summary>No load for a while.</summary>
    Pause,
}
