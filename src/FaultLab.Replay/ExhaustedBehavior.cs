namespace FaultLab.Replay;

/// <summary>
/// What replay answers once every recorded interaction matching a request has been played. Identical requests
/// always replay in recorded order first (a recorded 429 then 200 replays as 429 then 200).
/// </summary>
public enum ExhaustedBehavior
{
    /// <summary>
    /// Replays the last matching interaction again. The default, because faults and retries above the replay send
    /// requests the recording never saw: a retry after an injected failure must still find an answer.
    /// </summary>
    RepeatLast,

    /// <summary>Fails with a <see cref="CassetteMismatchException"/>, to catch code that calls more often than it did when recorded.</summary>
    Fail,
}
