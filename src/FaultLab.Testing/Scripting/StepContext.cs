namespace FaultLab.Testing;

/// <summary>What a step needs to realize itself for one attempt.</summary>
/// <param name="Request">The attempt's request, when the pipeline knows it.</param>
/// <param name="Clock">The injected clock, for delays.</param>
/// <param name="CancellationToken">The attempt's token: a hang or delay ends when it is cancelled.</param>
/// <param name="Report">Reports the injected fault to FaultLab telemetry: step, status code or exception.</param>
internal sealed record StepContext(
    HttpRequestMessage? Request,
    TimeProvider Clock,
    CancellationToken CancellationToken,
    Action<FaultStep, int?, Exception?> Report);
