namespace FaultLab.Load.Tests.Units;

/// <summary>Arrival offsets, agent slices and phase plans, computed by hand: no load is generated.</summary>
public sealed class ScheduleArithmeticTests
{
    [Fact]
    public void A_constant_rate_arrives_every_one_over_rate_seconds_and_stops_before_the_phase_end()
    {
        var offsets = ArrivalSchedule.Offsets(10, 10, 1).ToList();

        // 1.0 s would be the 11th arrival: it belongs to the next phase.
        Assert.Equal([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], offsets.Select(t => Math.Round(t, 9)));
    }

    [Fact]
    public void A_rate_below_one_per_second_spaces_arrivals_by_seconds()
    {
        Assert.Equal([0, 4, 8], ArrivalSchedule.Offsets(0.25, 0.25, 10));
    }

    [Fact]
    public void A_ramp_up_from_zero_arrives_where_the_rate_integral_reaches_each_whole_number()
    {
        // N(t) = 5 t² over 1 s (0 → 10 per second): arrival k at √(k / 5); k = 5 lands on 1 s, the phase end.
        var offsets = ArrivalSchedule.Offsets(0, 10, 1).ToList();

        Assert.Equal(Enumerable.Range(0, 5).Select(k => Math.Round(Math.Sqrt(k / 5.0), 9)), offsets.Select(t => Math.Round(t, 9)));
    }

    [Fact]
    public void A_ramp_down_to_zero_ends_when_the_integral_stops_growing()
    {
        // N(t) = 10 t − 5 t² over 1 s (10 → 0 per second) peaks at 5 when t = 1: arrivals k = 0 … 4.
        var offsets = ArrivalSchedule.Offsets(10, 0, 1).ToList();

        Assert.Equal(Enumerable.Range(0, 5).Select(k => Math.Round(1 - Math.Sqrt(1 - (k / 5.0)), 9)), offsets.Select(t => Math.Round(t, 9)));
        Assert.Equal(8, ArrivalSchedule.Offsets(10, 0, 2).Count(t => t < 1)); // N(1) = 10 − 2.5 = 7.5 on a 2 s ramp
        Assert.Equal(10, ArrivalSchedule.Offsets(10, 0, 2).Count());
    }

    [Fact]
    public void A_ramp_between_two_rates_sends_the_area_under_the_rate()
    {
        // 10 → 30 per second over 2 s: N(2) = 40, so arrivals 0 … 39.
        var offsets = ArrivalSchedule.Offsets(10, 30, 2).ToList();

        Assert.Equal(40, offsets.Count);
        Assert.Equal((-10 + Math.Sqrt(100 + (4 * 5 * 39))) / 10, offsets[^1], 9);
        Assert.True(offsets.Zip(offsets.Skip(1)).All(p => p.Second > p.First));
    }

    [Fact]
    public void Zero_rate_sends_nothing_and_an_arrival_cap_stops_the_schedule()
    {
        Assert.Empty(ArrivalSchedule.Offsets(0, 0, 5));
        Assert.Equal([0, 0.5, 1.0], ArrivalSchedule.Offsets(2, 2, double.MaxValue, maxArrivals: 3));
        Assert.Empty(ArrivalSchedule.Offsets(2, 2, double.MaxValue, maxArrivals: 0));
    }

    [Fact]
    public void Agent_i_owns_every_nth_item_and_numbers_its_items_globally()
    {
        var second = new AgentShare(1, 3);

        Assert.Equal([1L, 4L, 7L], Enumerable.Range(0, 9).Select(k => (long)k).Where(second.Owns));
        Assert.Equal([1, 4, 7], Enumerable.Range(0, 3).Select(second.Global));
        Assert.Equal(4, new AgentShare(0, 3).Of(10));
        Assert.Equal(3, second.Of(10));
        Assert.Equal(0, second.Of(-4L));
        Assert.Equal(0, new AgentShare(1, 2).Of(1));
        Assert.True(AgentShare.Whole.IsWhole);
        Assert.Equal(new AgentShare(0, 1), AgentShare.Whole);
        Assert.False(second.IsWhole);
        Assert.True(AgentShare.Whole.Owns(12));
    }

    [Fact]
    public void Iteration_budgets_split_over_the_agents_that_run_copies()
    {
        Assert.Equal([4L, 4L, 3L], Enumerable.Range(0, 3).Select(i => new AgentShare(i, 3).IterationsOf(11, copies: 5)));
        Assert.Equal([11L, 0L, 0L], Enumerable.Range(0, 3).Select(i => new AgentShare(i, 3).IterationsOf(11, copies: 1)));
        Assert.Equal([6L, 5L, 0L], Enumerable.Range(0, 3).Select(i => new AgentShare(i, 3).IterationsOf(11, copies: 2)));
    }

    [Fact]
    public void Planned_duration_adds_the_phases_and_is_unknown_with_an_iteration_bound_phase()
    {
        Assert.Equal(TimeSpan.FromSeconds(3.5), PhasePlan.PlannedDuration(
        [
            Simulation.Inject(1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)),
            Simulation.Pause(TimeSpan.FromSeconds(0.5)),
            Simulation.KeepConstant(2, TimeSpan.FromSeconds(2)),
        ]));
        Assert.Equal(TimeSpan.Zero, PhasePlan.PlannedDuration([]));
        Assert.Null(PhasePlan.PlannedDuration([Simulation.Pause(TimeSpan.FromSeconds(1)), Simulation.IterationsForConstant(1, 5)]));
        Assert.Null(PhasePlan.PlannedDuration([Simulation.IterationsForInject(1, TimeSpan.FromSeconds(1), 5)]));
    }

    [Fact]
    public void The_warm_up_runs_the_first_phase_steady_level()
    {
        var warmUp = TimeSpan.FromSeconds(3);

        Assert.Equal("Inject 5 per 2 s during 3 s", PhasePlan.WarmUpOf(Simulation.Inject(5, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(9)), warmUp)?.ToString());
        Assert.Equal("Inject 5 per 1 s during 3 s", PhasePlan.WarmUpOf(Simulation.IterationsForInject(5, TimeSpan.FromSeconds(1), 100), warmUp)?.ToString());
        Assert.Equal("Inject 7 per 1 s during 3 s", PhasePlan.WarmUpOf(Simulation.RampingInject(7, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(9)), warmUp)?.ToString());
        Assert.Equal("KeepConstant 4 copies during 3 s", PhasePlan.WarmUpOf(Simulation.KeepConstant(4, TimeSpan.FromSeconds(9)), warmUp)?.ToString());
        Assert.Equal("KeepConstant 4 copies during 3 s", PhasePlan.WarmUpOf(Simulation.IterationsForConstant(4, 100), warmUp)?.ToString());
        Assert.Equal("KeepConstant 6 copies during 3 s", PhasePlan.WarmUpOf(Simulation.RampingConstant(6, TimeSpan.FromSeconds(9)), warmUp)?.ToString());
        Assert.Null(PhasePlan.WarmUpOf(Simulation.RampingInject(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(9)), warmUp));
        Assert.Null(PhasePlan.WarmUpOf(Simulation.RampingConstant(0, TimeSpan.FromSeconds(9)), warmUp));
        Assert.Null(PhasePlan.WarmUpOf(Simulation.Pause(TimeSpan.FromSeconds(9)), warmUp));
        Assert.Null(PhasePlan.WarmUpOf(Simulation.KeepConstant(4, TimeSpan.FromSeconds(9)), TimeSpan.Zero));
        Assert.NotNull(PhasePlan.WarmUpOf(Simulation.KeepConstant(4, TimeSpan.FromSeconds(9)), TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void Phases_describe_themselves_in_readable_units()
    {
        Assert.Equal("Inject 2.5 per 500 ms during 1 min 30 s", Simulation.Inject(2.5, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(90)).ToString());
        Assert.Equal("RampingInject to 0 per 1 s during 2 min", Simulation.RampingInject(0, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2)).ToString());
        Assert.Equal("IterationsForInject 3 per 59.5 s, 12 iterations", Simulation.IterationsForInject(3, TimeSpan.FromSeconds(59.5), 12).ToString());
        Assert.Equal("RampingConstant to 0 copies during 1 s", Simulation.RampingConstant(0, TimeSpan.FromSeconds(1)).ToString());
        Assert.Equal("IterationsForConstant 2 copies, 7 iterations", Simulation.IterationsForConstant(2, 7).ToString());
        Assert.Equal("Pause during 999.5 ms", Simulation.Pause(TimeSpan.FromMilliseconds(999.5)).ToString());
        Assert.Equal("KeepConstant 1 copies during 1 min", Simulation.KeepConstant(1, TimeSpan.FromMinutes(1)).ToString());
        Assert.Equal("KeepConstant 1 copies during 1 min 0.5 ms", Simulation.KeepConstant(1, TimeSpan.FromMilliseconds(60_000.5)).ToString());
    }

    [Fact]
    public void Phases_know_their_model_and_rate_per_second()
    {
        var inject = Simulation.Inject(5, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
        var closed = Simulation.KeepConstant(3, TimeSpan.FromSeconds(1));
        var pause = Simulation.Pause(TimeSpan.FromSeconds(1));

        Assert.Equal((2.5, true, false), (inject.RatePerSecond, inject.IsOpenModel, inject.IsClosedModel));
        Assert.Equal((0.0, false, true, 3, 0L), (closed.RatePerSecond, closed.IsOpenModel, closed.IsClosedModel, closed.Copies, closed.Iterations));
        Assert.Equal((false, false), (pause.IsOpenModel, pause.IsClosedModel));
        Assert.True(Simulation.RampingInject(1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)).IsOpenModel);
        Assert.True(Simulation.IterationsForInject(1, TimeSpan.FromSeconds(1), 1).IsOpenModel);
        Assert.True(Simulation.RampingConstant(1, TimeSpan.FromSeconds(1)).IsClosedModel);
        Assert.True(Simulation.IterationsForConstant(1, 1).IsClosedModel);
        var bounded = Simulation.IterationsForInject(4, TimeSpan.FromMilliseconds(250), 8);
        Assert.Equal((16.0, 8L, TimeSpan.Zero), (bounded.RatePerSecond, bounded.Iterations, bounded.During));
    }

    [Fact]
    public void Every_factory_refuses_bad_input_naming_the_argument()
    {
        var second = TimeSpan.FromSeconds(1);
        Assert.Equal("rate", Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Simulation.RampingInject(-1, second, second)).ParamName);
        Assert.Equal("rate", Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Simulation.RampingInject(double.NaN, second, second)).ParamName);
        Assert.Equal("interval", Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Simulation.RampingInject(1, TimeSpan.Zero, second)).ParamName);
        Assert.Equal("during", Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Simulation.RampingInject(1, second, TimeSpan.Zero)).ParamName);
        Assert.Equal("rate", Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Simulation.Inject(double.PositiveInfinity, second, second)).ParamName);
        Assert.Equal("interval", Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Simulation.Inject(1, -second, second)).ParamName);
        Assert.Equal("iterations", Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Simulation.IterationsForInject(1, second, 0)).ParamName);
        Assert.Equal("iterations", Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Simulation.IterationsForConstant(1, 0)).ParamName);
        Assert.Equal("copies", Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Simulation.IterationsForConstant(0, 1)).ParamName);
        Assert.Equal("copies", Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Simulation.RampingConstant(-1, second)).ParamName);
        Assert.Equal("during", Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Simulation.RampingConstant(1, TimeSpan.Zero)).ParamName);
        Assert.Equal("during", Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Simulation.Pause(TimeSpan.Zero)).ParamName);
        var message = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Simulation.Inject(double.NaN, second, second)).Message;
        Assert.StartsWith("rate must be a finite number, was NaN.", message);
        Assert.NotNull(Simulation.RampingInject(0, TimeSpan.FromTicks(1), TimeSpan.FromTicks(1)));
        Assert.NotNull(Simulation.IterationsForInject(0.001, TimeSpan.FromTicks(1), 1));
    }
}
