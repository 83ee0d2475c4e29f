namespace FaultLab.Load;

/// <summary>
/// Open-model concurrency cap. Each running iteration holds a slot (its copy number); when none is free the
/// arrival is dropped, never queued, so a saturated generator shows up as drops instead of hidden latency.
/// Slots are taken by the single dispatcher and returned from any thread.
/// </summary>
internal sealed class SlotPool(int capacity)
{
    private readonly System.Collections.Concurrent.ConcurrentStack<int> _free = new();
    private int _created;
    private int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);

    public bool TryTake(out int slot)
    {
        if (!_free.TryPop(out slot))
        {
            if (_created >= capacity)
            {
                return false;
            }

            slot = _created++;
        }
        Interlocked.Increment(ref _inFlight);
        return true;
    }

    public void Return(int slot)
    {
        _free.Push(slot);
        Interlocked.Decrement(ref _inFlight);
    }
}
