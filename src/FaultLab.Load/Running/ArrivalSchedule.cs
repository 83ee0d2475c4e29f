namespace FaultLab.Load;

/// <summary>
/// Arrival offsets (seconds from the phase start) of an open-model phase. Arrival k is due when the integral
/// of the rate reaches k, so constant and linearly ramping rates share one formula and sub-1/s rates just work.
/// </summary>
internal static class ArrivalSchedule
{
    /// <param name="fromPerSecond">Rate at the phase start.</param>
    /// <param name="toPerSecond">Rate at the phase end.</param>
    /// <param name="durationSeconds">Phase length; arrivals at or after it are not produced.</param>
    /// <param name="maxArrivals">Optional cap on the number of arrivals (iteration-bounded phases).</param>
    public static IEnumerable<double> Offsets(double fromPerSecond, double toPerSecond, double durationSeconds, long maxArrivals = long.MaxValue)
    {
        // N(t) = from·t + (to − from)·t² / (2·D); solve N(t) = k.
        var a = (toPerSecond - fromPerSecond) / (2 * durationSeconds);
        var b = fromPerSecond;
        for (long k = 0; k < maxArrivals; k++)
        {
            double t;
            if (Math.Abs(a) < 1e-12)
            {
                if (b <= 0)
                {
                    yield break;
                }

                t = k / b;
            }
            else
            {
                var discriminant = b * b + 4 * a * k;
                if (discriminant < 0)
                {
                    yield break;
                }

                t = (-b + Math.Sqrt(discriminant)) / (2 * a);
            }
            if (t >= durationSeconds || double.IsNaN(t))
            {
                yield break;
            }

            yield return t;
        }
    }
}
