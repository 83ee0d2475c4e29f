using FaultLab.Configuration;
using FaultLab.Pipeline;
using Polly;
using Polly.Simmy;
using Polly.Simmy.Outcomes;

namespace FaultLab.Testing;

/// <summary>
/// A fault that follows a script, one step per attempt that reaches it ("503, 503, then pass"), so a test does not
/// depend on probabilities. It sits innermost like every FaultLab fault, so each retry or hedged attempt is one step.
/// The attempt count lives with the client's fault pipeline: it starts at the first attempt the client sends.
/// </summary>
public sealed class ScriptedFault : Fault
{
    /// <inheritdoc/>
    public override string Kind => "Scripted";

    /// <summary>Gets the steps: the first attempt gets the first step, and so on.</summary>
    public IList<FaultStep> Steps { get; } = new List<FaultStep>();

    /// <summary>Gets or sets what attempts after the last step see. Defaults to <see cref="ScriptEnd.Pass"/>.</summary>
    public ScriptEnd AfterLastStep { get; set; } = ScriptEnd.Pass;

    internal override void Validate(SettingPath path, List<string> errors)
    {
        base.Validate(path, errors);
        if (Steps.Count == 0)
        {
            errors.Add($"{path[nameof(Steps)]}: a script needs at least one step.");
        }

        SettingPath steps = path.Child(nameof(Steps));
        for (int i = 0; i < Steps.Count; i++)
        {
            Steps[i].Validate(steps.Index(i), errors);
        }
    }

    internal override void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, FaultContext context)
    {
        // Snapshot: the script the pipeline was built with is the one it plays, even if the list changes later.
        FaultStep[] steps = [.. Steps];
        ScriptEnd end = AfterLastStep;
        int attempts = 0;
        pipeline.AddChaosOutcome(context.Select(new ChaosOutcomeStrategyOptions<HttpResponseMessage>
        {
            OutcomeGenerator = args =>
            {
                int attempt = Interlocked.Increment(ref attempts) - 1;
                FaultStep step = attempt < steps.Length ? steps[attempt] : end == ScriptEnd.RepeatLastStep ? steps[^1] : Passing;
                var request = args.Context.GetRequestMessage();
                return step.RunAsync(new StepContext(request, context.TimeProvider, args.Context.CancellationToken,
                    (s, status, exception) => context.Telemetry.Report(context.ClientName,
                        new InjectedFault(s.Kind, DisplayName, status, exception?.GetType().Name), request)));
            },
        }));
    }

    private static readonly FaultStep Passing = FaultStep.Pass();
}

/// <summary>What a <see cref="ScriptedFault"/> does once its steps are used up.</summary>
public enum ScriptEnd
{
    /// <summary>Every later attempt reaches the dependency untouched.</summary>
    Pass,

    /// <summary>Every later attempt gets the last step again ("keeps failing").</summary>
    RepeatLastStep,
}
