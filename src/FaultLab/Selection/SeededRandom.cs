namespace FaultLab.Selection;

/// <summary>
/// One fault's source of randomness. Seeded per fault (seed and position), so appending a fault to a profile does not
/// shift the sequence of the others (inserting one moves the positions after it); locked because a seeded
/// <see cref="Random"/> is not thread-safe.
/// </summary>
internal sealed class SeededRandom
{
    private readonly Random? _random;
    private readonly Lock _lock = new();

    private SeededRandom(Random? random) => _random = random;

    public static SeededRandom Create(int? seed, int faultIndex) =>
        new(seed is { } s ? new Random(unchecked((s * 397) ^ ((faultIndex + 1) * 7919))) : null);

    public double NextDouble()
    {
        if (_random is null)
        {
            return Random.Shared.NextDouble();
        }

        lock (_lock)
        {
            return _random.NextDouble();
        }
    }
}
