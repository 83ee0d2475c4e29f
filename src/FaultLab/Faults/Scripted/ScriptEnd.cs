namespace FaultLab;

/// <summary>What a <see cref="ScriptedFault"/> does once its steps are used up.</summary>
public enum ScriptEnd
{
    /// <summary>Every later attempt reaches the dependency untouched.</summary>
    Pass,

    /// <summary>Every later attempt gets the last step again ("keeps failing").</summary>
    RepeatLastStep,
}
