namespace FaultLab.Load;

/// <summary>
/// Refuses NaN and infinity before the <see cref="ArgumentOutOfRangeException"/> range helpers run: NaN compares false
/// with everything, so <c>ThrowIfNegativeOrZero(double.NaN)</c> would let it through.
/// </summary>
internal static class FiniteNumber
{
    public static void Require(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number, was {value}.");
        }
    }
}
