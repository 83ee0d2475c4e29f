namespace FaultLab.Replay;

/// <summary>
/// When a cassette records and when it replays. The names follow Ruby VCR and vcrpy, the tools most users know
/// (<c>all</c>, <c>once</c>, <c>new_episodes</c>, <c>none</c>), plus a way to switch the cassette off.
/// </summary>
public enum RecordMode
{
    /// <summary>
    /// Records only when the cassette file does not exist yet; otherwise replays it and fails on any request it does
    /// not hold. The default: the first run records, every later run is offline.
    /// </summary>
    Once,

    /// <summary>Always calls the network and records every interaction, replacing the cassette's former content (VCR <c>all</c>).</summary>
    Record,

    /// <summary>Replays what the cassette holds and records requests it does not hold, appending them (VCR <c>new_episodes</c>).</summary>
    NewEpisodes,

    /// <summary>
    /// Never calls the network: a request the cassette does not hold fails with a
    /// <see cref="CassetteMismatchException"/> naming the closest recorded request (VCR <c>none</c>).
    /// </summary>
    ReplayOnly,

    /// <summary>Passes every request to the network and neither reads nor writes the cassette, e.g. to run against the live dependency.</summary>
    Bypass,
}
