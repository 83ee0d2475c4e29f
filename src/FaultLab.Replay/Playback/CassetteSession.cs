using FaultLab.Replay.Format;
using FaultLab.Replay.Matching;
using FaultLab.Replay.Redaction;

namespace FaultLab.Replay.Playback;

/// <summary>
/// One use of a cassette: its interactions, which of them were played, and the writes. Shared by every handler
/// the client factory creates for the cassette, since it rotates handlers while a test runs.
/// </summary>
internal sealed class CassetteSession
{
    private readonly object _gate = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly List<Entry> _entries;
    private readonly string _path;
    private long _version;
    private long _savedVersion;

    private CassetteSession(string path, RecordMode requested, RecordMode effective, CassetteOptions options, List<Interaction> interactions)
    {
        _path = path;
        RequestedMode = requested;
        Mode = effective;
        Options = options;
        Redactor = new Redactor(options.Redaction);
        Matcher = new RequestMatcher(options.Matching, Redactor);
        _entries = interactions.Select(i => new Entry(i)).ToList();
    }

    /// <summary>The mode asked for.</summary>
    public RecordMode RequestedMode { get; }

    /// <summary>What the session does: <see cref="RecordMode.Once"/> resolved to recording or replaying.</summary>
    public RecordMode Mode { get; }

    public CassetteOptions Options { get; }

    public Redactor Redactor { get; }

    private RequestMatcher Matcher { get; }

    /// <summary>Resolves <paramref name="mode"/> against the file: only the modes that replay read it.</summary>
    public static CassetteSession Open(string path, RecordMode mode, CassetteOptions options)
    {
        bool exists = File.Exists(path);
        return mode switch
        {
            RecordMode.Record or RecordMode.Bypass => new(path, mode, mode, options, []),
            RecordMode.Once when !exists => new(path, mode, RecordMode.Record, options, []),
            RecordMode.Once => new(path, mode, RecordMode.ReplayOnly, options, CassetteFile.Load(path).Interactions),
            RecordMode.NewEpisodes => new(path, mode, mode, options, exists ? CassetteFile.Load(path).Interactions : []),
            RecordMode.ReplayOnly when !exists => throw new FileNotFoundException(
                $"Cassette '{path}' does not exist, and ReplayOnly never records. Record it first with RecordMode.Once or RecordMode.Record.", path),
            _ => new(path, mode, mode, options, CassetteFile.Load(path).Interactions),
        };
    }

    /// <summary>
    /// The recorded interaction that answers <paramref name="live"/>: the first matching one not yet played, so
    /// identical requests replay in recorded order. <see langword="null"/> means "go to the network and record".
    /// </summary>
    public Interaction? Find(RequestRecord live, HttpRequestMessage message)
    {
        if (Mode is RecordMode.Record or RecordMode.Bypass)
        {
            return null;
        }

        lock (_gate)
        {
            var compared = _entries.Select(e => (Entry: e, Differences: Matcher.Compare(live, message, e.Interaction.Request))).ToList();
            var matches = compared.Where(c => c.Differences.Count == 0).Select(c => c.Entry).ToList();
            if (matches.FirstOrDefault(e => !e.Played) is { } next)
            {
                next.Played = true;
                return next.Interaction;
            }

            if (Mode == RecordMode.NewEpisodes)
            {
                return null;
            }

            if (matches.Count > 0)
            {
                return Options.WhenExhausted == ExhaustedBehavior.RepeatLast
                    ? matches[^1].Interaction
                    : throw new CassetteMismatchException(_path, Describe(live), Describe(matches[^1].Interaction.Request),
                        [$"all {matches.Count} recorded interaction(s) matching it were already played and WhenExhausted is Fail"]);
            }

            var closest = compared.OrderBy(c => c.Differences.Sum(d => d.Weight)).FirstOrDefault();
            throw new CassetteMismatchException(_path, Describe(live), closest.Entry is null ? null : Describe(closest.Entry.Interaction.Request),
                closest.Differences?.Select(d => d.Description).ToList() ?? []);
        }
    }

    /// <summary>
    /// Adds <paramref name="interaction"/> and returns once a cassette holding it is on disk. Writes are
    /// serialised; a write covers every interaction added before it, so concurrent recorders share writes.
    /// </summary>
    public async Task RecordAsync(Interaction interaction)
    {
        long mine;
        lock (_gate)
        {
            // Played already: under NewEpisodes an identical request later must reach the network again, as when recording.
            _entries.Add(new Entry(interaction) { Played = true });
            mine = ++_version;
        }

        // No cancellation: a caller giving up must not leave its interaction, or others', unwritten.
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_savedVersion >= mine)
            {
                return;
            }

            CassetteDocument document;
            long version;
            lock (_gate)
            {
                document = new CassetteDocument { Interactions = _entries.Select(e => e.Interaction).ToList() };
                version = _version;
            }

            await CassetteFile.SaveAsync(_path, document).ConfigureAwait(false);
            _savedVersion = version;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public static string Describe(RequestRecord request) => $"{request.Method} {request.Uri}";

    private sealed class Entry(Interaction interaction)
    {
        public Interaction Interaction { get; } = interaction;

        public bool Played { get; set; }
    }
}
