namespace FaultLab.Load;

/// <summary>Ok/fail counters for one status code.</summary>
internal sealed class OutcomeCounter
{
    public const int NoStatusCode = int.MinValue;
    private long _ok, _fail;
    public long Ok => Volatile.Read(ref _ok);
    public long Fail => Volatile.Read(ref _fail);
    public void Add(bool success)
    {
        if (success)
        {
            Interlocked.Increment(ref _ok);
        }
        else
        {
            Interlocked.Increment(ref _fail);
        }
    }
}
