using Polly;

namespace FaultLab.Realization;

/// <summary>Answers the attempt with a response instead of calling the dependency (status, rate limit, expired token).
/// The response is made fresh per attempt: the standard handler disposes every response it retries.</summary>
/// <param name="context">Where the injection is reported.</param>
/// <param name="answer">Makes the response for a request, or returns <see langword="null"/> to let it through
/// (a limiter with permits left, a valid token).</param>
internal sealed class Answer(RealizationContext context, Func<HttpRequestMessage?, HttpResponseMessage?> answer) : FaultRealization
{
    public override ValueTask<Outcome<HttpResponseMessage>?> BeforeSendAsync(FaultAttempt attempt)
    {
        if (answer(attempt.Request) is not { } response)
        {
            return default;
        }

        context.Report.Injected(attempt.Request, statusCode: (int)response.StatusCode);
        return new(Outcome.FromResult(response));
    }
}
