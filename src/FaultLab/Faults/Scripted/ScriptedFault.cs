using FaultLab.Configuration;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>
/// A fault that follows a script, one step per attempt that reaches it ("503, 503, then pass"), so a test does not
/// depend on probabilities: the decision is given per attempt instead of rolled. Each step is any catalogue fault,
/// realized exactly as that fault is in a profile (its own rate, target and schedule are not consulted: the script
/// decides). It sits innermost like every fault, so each retry or hedged attempt is one step. The attempt count lives
/// with the compiled profile: it starts at the first attempt the client sends.
/// </summary>
public sealed class ScriptedFault : Fault
{
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
            Steps[i].Fault?.Validate(steps.Index(i), errors);
        }
    }

    internal override FaultRealization Realize(RealizationContext context)
    {
        // Snapshot: the script the pipeline was built with is the one it plays, even if the list changes later. A step
        // repeated (times: 3) is realized once, so a stateful kind keeps its state across those attempts.
        var realized = new Dictionary<FaultStep, FaultRealization>(ReferenceEqualityComparer.Instance);
        FaultRealization[] steps =
        [
            .. Steps.Select(step => step.Fault is not { } fault ? PassThrough.Instance
                : realized.TryGetValue(step, out var known) ? known
                : realized[step] = fault.Realize(context.ReportingAs(step.Kind))),
        ];
        return new ScriptPlayback(steps, AfterLastStep);
    }
}
