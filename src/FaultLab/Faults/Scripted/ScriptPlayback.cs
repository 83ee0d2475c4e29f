using FaultLab.Realization;

namespace FaultLab;

/// <summary>Plays a compiled script: attempt n gets step n's realization, then the script's ending.</summary>
internal sealed class ScriptPlayback(FaultRealization[] steps, ScriptEnd end) : FaultRealization
{
    private int _attempts;

    public override FaultRealization ForAttempt()
    {
        int attempt = Interlocked.Increment(ref _attempts) - 1;
        return attempt < steps.Length ? steps[attempt] : end == ScriptEnd.RepeatLastStep ? steps[^1] : PassThrough.Instance;
    }
}
