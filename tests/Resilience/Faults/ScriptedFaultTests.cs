using System.Net;
using FaultLab.Realization;
using FaultLab.Tests.Support;

namespace FaultLab.Tests.Faults;

/// <summary>The core script kind: one step per attempt, its ending, its validation and what a step may be.</summary>
public sealed class ScriptedFaultTests
{
    [Fact]
    public async Task Attempts_get_their_steps_in_order_and_then_pass()
    {
        var script = new ScriptedFault { Steps = { FaultStep.Of(new StatusFault { StatusCode = 502 }), FaultStep.Pass(), FaultStep.Of(new StatusFault { StatusCode = 429 }) } };
        using var clients = Clients.Create(f => f.AddFault(script));

        var statuses = new List<int>();
        for (int i = 0; i < 5; i++)
        {
            using var response = await clients.Client.GetAsync("/a");
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([502, 200, 429, 200, 200], statuses);
        Assert.Equal(3, clients.Upstream.Calls);
    }

    [Fact]
    public async Task Repeat_last_step_keeps_answering_with_the_last_step()
    {
        var script = new ScriptedFault { AfterLastStep = ScriptEnd.RepeatLastStep, Steps = { FaultStep.Pass(), FaultStep.Of(new StatusFault { StatusCode = 503 }) } };
        using var clients = Clients.Create(f => f.AddFault(script));

        var statuses = new List<int>();
        for (int i = 0; i < 4; i++)
        {
            using var response = await clients.Client.GetAsync("/a");
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([200, 503, 503, 503], statuses);
    }

    [Fact]
    public void Playback_hands_out_step_n_to_attempt_n_then_the_ending()
    {
        FaultRealization[] steps = [new Step(), new Step()];
        var passing = new ScriptPlayback(steps, ScriptEnd.Pass);
        var repeating = new ScriptPlayback(steps, ScriptEnd.RepeatLastStep);

        Assert.Equal([steps[0], steps[1], PassThrough.Instance, PassThrough.Instance], Enumerable.Range(0, 4).Select(_ => passing.ForAttempt()));
        Assert.Equal([steps[0], steps[1], steps[1], steps[1]], Enumerable.Range(0, 4).Select(_ => repeating.ForAttempt()));
    }

    [Fact]
    public async Task A_stateful_step_repeated_keeps_its_state_across_the_attempts_it_plays()
    {
        var limit = FaultStep.Of(new RateLimitFault { PermitLimit = 1, Window = TimeSpan.FromMinutes(1) });
        var script = new ScriptedFault { AfterLastStep = ScriptEnd.Pass, Steps = { limit, limit } };
        using var clients = Clients.Create(f => f.AddFault(script));

        using var first = await clients.Client.GetAsync("/a");
        using var second = await clients.Client.GetAsync("/a");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode); // the one limiter the step was realized with
    }

    [Fact]
    public void A_step_names_its_kind_and_a_pass_is_Pass()
    {
        Assert.Equal("Pass", FaultStep.Pass().Kind);
        Assert.Equal("Pass", FaultStep.Pass().ToString());
        Assert.Null(FaultStep.Pass().Fault);
        Assert.Same(FaultStep.Pass(), FaultStep.Pass());
        var status = new StatusFault();
        Assert.Equal("Status", FaultStep.Of(status).Kind);
        Assert.Equal("Status", FaultStep.Of(status).ToString());
        Assert.Same(status, FaultStep.Of(status).Fault);
    }

    [Fact]
    public void A_step_must_be_a_fault_and_not_a_script()
    {
        Assert.Equal("fault", Assert.Throws<ArgumentNullException>(() => FaultStep.Of(null!)).ParamName);
        var nested = Assert.Throws<ArgumentException>(() => FaultStep.Of(new ScriptedFault()));
        Assert.Equal("A script step cannot be a script. (Parameter 'fault')", nested.Message);
    }

    [Fact]
    public void Validation_needs_a_step_and_names_a_bad_step_by_its_index()
    {
        Assert.Equal(["Faults:0:Steps: a script needs at least one step."], FaultErrors.Of(new ScriptedFault()));
        Assert.Equal(["Faults:0:Steps:1:StatusCode: must be an error status from 400 to 599 (was 200)."],
            FaultErrors.Of(new ScriptedFault { Steps = { FaultStep.Pass(), FaultStep.Of(new StatusFault { StatusCode = 200 }) } }));
        Assert.Empty(FaultErrors.Of(new ScriptedFault { Steps = { FaultStep.Pass() } }));
        Assert.Equal(["Faults:0:InjectionRate: must be between 0 and 1 inclusive (was 1.5)."],
            FaultErrors.Of(new ScriptedFault { InjectionRate = 1.5, Steps = { FaultStep.Pass() } }));
    }

    private sealed class Step : FaultRealization
    {
    }
}
