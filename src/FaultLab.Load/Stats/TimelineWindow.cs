namespace FaultLab.Load;

/// <summary>
/// A marked stretch of a scenario's timeline (for example a fault window a plugin knows about, or the time a client
/// took to recover after it), drawn on the HTML charts as a labelled shaded band.
/// </summary>
/// <param name="StartSeconds">Seconds since the measured run began at which the window opens.</param>
/// <param name="EndSeconds">Seconds since the measured run began at which the window closes.</param>
/// <param name="Label">Short text shown on the band.</param>
/// <param name="Category">Optional grouping (for example "fault").</param>
/// <param name="Color">Optional CSS colour of the band (for example <c>#dc2626</c>); a neutral grey when omitted.</param>
public sealed record TimelineWindow(double StartSeconds, double EndSeconds, string Label, string? Category = null, string? Color = null)
{
    /// <summary>Gets the window's length in seconds.</summary>
    public double LengthSeconds => EndSeconds - StartSeconds;
}
