using System.Runtime.CompilerServices;

namespace FaultLab.Load.NBomber.Contracts;

using FaultLab.Load.NBomber.Contracts.Stats;

/// <summary>
/// A pass/fail rule on a scenario's or a step's statistics, as NBomber's <c>Threshold</c>. Every threshold is checked
/// on the final statistics; one with <c>abortWhenErrorCount</c> is also checked during the run, once per reporting
/// interval after <c>startCheckAfter</c>, and aborts the scenario when it has failed that many times.
/// </summary>
public sealed class Threshold
{
    private Threshold(string stepName, Func<StepStats, bool>? checkStep, Func<ScenarioStats, bool>? checkScenario,
        int? abortWhenErrorCount, TimeSpan? startCheckAfter, string expression)
    {
        if (abortWhenErrorCount is <= 0)
            throw new ArgumentException($"abortWhenErrorCount must be positive, was {abortWhenErrorCount}.", nameof(abortWhenErrorCount));
        if (startCheckAfter < TimeSpan.Zero)
            throw new ArgumentException($"startCheckAfter must not be negative, was {startCheckAfter}.", nameof(startCheckAfter));
        StepName = stepName;
        CheckStep = checkStep;
        CheckScenario = checkScenario;
        AbortWhenErrorCount = abortWhenErrorCount;
        StartCheckAfter = startCheckAfter;
        CheckExpression = expression;
    }

    /// <summary>Gets the step the rule checks; empty for a scenario rule.</summary>
    public string StepName { get; }

    /// <summary>Gets the step check, or null for a scenario rule.</summary>
    public Func<StepStats, bool>? CheckStep { get; }

    /// <summary>Gets the scenario check, or null for a step rule.</summary>
    public Func<ScenarioStats, bool>? CheckScenario { get; }

    /// <summary>Gets how many failed checks abort the scenario; null never aborts.</summary>
    public int? AbortWhenErrorCount { get; }

    /// <summary>Gets the delay before the run-time checks start.</summary>
    public TimeSpan? StartCheckAfter { get; }

    /// <summary>Gets the check's source text, shown in results and reports.</summary>
    public string CheckExpression { get; }

    /// <summary>A copy whose <see cref="StartCheckAfter"/> is multiplied by <paramref name="scale"/> (time compression).</summary>
    internal Threshold Scaled(double scale) => new(StepName, CheckStep, CheckScenario, AbortWhenErrorCount,
        StartCheckAfter is { } after ? TimeSpan.FromTicks((long)Math.Round(after.Ticks * scale)) : null, CheckExpression);

    /// <summary>Creates a scenario threshold.</summary>
    /// <param name="checkScenario">True when the scenario's statistics pass.</param>
    /// <param name="abortWhenErrorCount">Failed checks after which the scenario is aborted; null never aborts.</param>
    /// <param name="startCheckAfter">Delay before the run-time checks start.</param>
    /// <param name="expression">The check's source text (filled in by the compiler).</param>
    public static Threshold Create(Func<ScenarioStats, bool> checkScenario, int? abortWhenErrorCount = null,
        TimeSpan? startCheckAfter = null, [CallerArgumentExpression(nameof(checkScenario))] string expression = "")
    {
        ArgumentNullException.ThrowIfNull(checkScenario);
        return new Threshold("", null, checkScenario, abortWhenErrorCount, startCheckAfter, expression);
    }

    /// <summary>Creates a step threshold.</summary>
    /// <param name="stepName">The step, non-empty.</param>
    /// <param name="checkStep">True when the step's statistics pass.</param>
    /// <param name="abortWhenErrorCount">Failed checks after which the scenario is aborted; null never aborts.</param>
    /// <param name="startCheckAfter">Delay before the run-time checks start.</param>
    /// <param name="expression">The check's source text (filled in by the compiler).</param>
    public static Threshold Create(string stepName, Func<StepStats, bool> checkStep, int? abortWhenErrorCount = null,
        TimeSpan? startCheckAfter = null, [CallerArgumentExpression(nameof(checkStep))] string expression = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stepName);
        ArgumentNullException.ThrowIfNull(checkStep);
        return new Threshold(stepName, checkStep, null, abortWhenErrorCount, startCheckAfter, expression);
    }
}
