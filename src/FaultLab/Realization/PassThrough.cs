namespace FaultLab.Realization;

/// <summary>Realizes nothing: the attempt reaches the dependency untouched (a script's pass step).</summary>
internal sealed class PassThrough : FaultRealization
{
    public static readonly PassThrough Instance = new();

    private PassThrough()
    {
    }
}
