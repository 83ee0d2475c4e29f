namespace FaultLab.Realization;

/// <summary>Lets the attempt reach the dependency, then swaps the response's content for a faulty one, so the failure
/// happens while the caller reads the body, after every handler returned: like a real one, it is never retried.</summary>
/// <param name="context">Where the injection is reported.</param>
/// <param name="wrap">Wraps the upstream content in the faulty one.</param>
internal sealed class BodyMutation(RealizationContext context, Func<HttpContent, HttpContent> wrap) : FaultRealization
{
    public override void OnResponse(HttpResponseMessage response, FaultAttempt attempt)
    {
        response.Content = wrap(response.Content);
        context.Report.Injected(attempt.Request, statusCode: (int)response.StatusCode);
    }
}
