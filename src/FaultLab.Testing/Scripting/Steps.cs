using FaultLab.Configuration;
using Polly;

namespace FaultLab.Testing;

/// <summary>Lets the attempt through to the dependency.</summary>
internal sealed class PassStep : FaultStep
{
    public override string Kind => "Pass";

    internal override ValueTask<Outcome<HttpResponseMessage>?> RunAsync(StepContext context) => new((Outcome<HttpResponseMessage>?)null);
}

/// <summary>Answers with the core <see cref="StatusFault"/>'s response: a fresh one per attempt.</summary>
internal sealed class StatusStep(StatusFault fault) : FaultStep
{
    public override string Kind => fault.Kind;

    internal override void Validate(SettingPath path, List<string> errors) => fault.Validate(path, errors);

    internal override ValueTask<Outcome<HttpResponseMessage>?> RunAsync(StepContext context)
    {
        var response = fault.CreateResponse(context.Request, context.Clock);
        context.Report(this, fault.StatusCode, null);
        return new(Outcome.FromResult(response));
    }
}

/// <summary>Throws the core network fault's exception: a fresh one per attempt.</summary>
internal sealed class ExceptionStep(ExceptionFault fault) : FaultStep
{
    public override string Kind => fault.Kind;

    internal override ValueTask<Outcome<HttpResponseMessage>?> RunAsync(StepContext context)
    {
        var exception = fault.CreateException(context.Request);
        context.Report(this, null, exception);
        return new(Outcome.FromException<HttpResponseMessage>(exception));
    }
}

/// <summary>Fails to connect after the timeout, with the exception shape the standard retry treats as transient.</summary>
internal sealed class ConnectTimeoutStep(TimeSpan timeout) : FaultStep
{
    public override string Kind => "ConnectTimeout";

    internal override void Validate(SettingPath path, List<string> errors)
    {
        if (timeout < TimeSpan.Zero)
        {
            errors.Add($"{path["Timeout"]}: must not be negative (was {timeout}).");
        }
    }

    internal override async ValueTask<Outcome<HttpResponseMessage>?> RunAsync(StepContext context)
    {
        await Task.Delay(timeout, context.Clock, context.CancellationToken).ConfigureAwait(false);
        var exception = Realization.NetworkErrors.ConnectTimeout();
        context.Report(this, null, exception);
        return Outcome.FromException<HttpResponseMessage>(exception);
    }
}

/// <summary>Waits on the attempt's token only, like the core hang: whoever cancels decides what the caller sees.</summary>
internal sealed class HangStep : FaultStep
{
    public override string Kind => "Hang";

    internal override async ValueTask<Outcome<HttpResponseMessage>?> RunAsync(StepContext context)
    {
        context.Report(this, null, null);
        await Task.Delay(Timeout.InfiniteTimeSpan, context.Clock, context.CancellationToken).ConfigureAwait(false);
        return null; // unreachable: an infinite delay only ends by cancellation
    }
}

/// <summary>Delays the attempt, then lets it through; a cancelled attempt ends at cancellation.</summary>
internal sealed class LatencyStep(TimeSpan delay) : FaultStep
{
    public override string Kind => "Latency";

    internal override void Validate(SettingPath path, List<string> errors)
    {
        if (delay < TimeSpan.Zero)
        {
            errors.Add($"{path["Delay"]}: must not be negative (was {delay}).");
        }
    }

    internal override async ValueTask<Outcome<HttpResponseMessage>?> RunAsync(StepContext context)
    {
        context.Report(this, null, null);
        await Task.Delay(delay, context.Clock, context.CancellationToken).ConfigureAwait(false);
        return null;
    }
}
