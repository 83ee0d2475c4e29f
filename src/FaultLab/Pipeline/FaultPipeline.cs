using FaultLab.Selection;
using Polly;

namespace FaultLab.Pipeline;

/// <summary>A compiled profile: the Polly pipeline, and the faults' selection so a request no fault can select skips it.</summary>
internal sealed class FaultPipeline(ResiliencePipeline<HttpResponseMessage> pipeline, IReadOnlyList<FaultSelector> faults)
{
    public ResiliencePipeline<HttpResponseMessage> Pipeline => pipeline;

    /// <summary>Whether any fault could fire for <paramref name="request"/> (everything but the dice). When none can,
    /// the request bypasses Polly altogether: idle fault injection costs a few comparisons and no allocation.</summary>
    public bool MightInject(HttpRequestMessage request)
    {
        for (int i = 0; i < faults.Count; i++)
        {
            if (faults[i].MightFire(request))
            {
                return true;
            }
        }

        // Stryker disable once Boolean : a shortcut only: a request no fault can select goes through Polly and is selected by none
        return false;
    }
}
