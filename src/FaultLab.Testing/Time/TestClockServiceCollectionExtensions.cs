using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Makes a fake clock the application's <see cref="TimeProvider"/>.</summary>
public static class TestClockServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="clock"/> as the only <see cref="TimeProvider"/>. Polly pipelines built from DI, the
    /// resilience handlers of Microsoft.Extensions.Http.Resilience and FaultLab's faults all resolve it from there, so
    /// retry delays, timeouts, circuit breaks, rate-limit windows and injected delays all run on it.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="clock">The fake clock; a <see cref="TestClock"/> lets <c>RunUntilComplete</c> jump to due timers.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection UseFakeTimeProvider(this IServiceCollection services, FakeTimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clock);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(clock);
        return services;
    }

    /// <summary>Registers a new <see cref="TestClock"/> as the only <see cref="TimeProvider"/> and returns it.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The clock, to advance from the test.</returns>
    public static TestClock AddTestClock(this IServiceCollection services)
    {
        var clock = new TestClock();
        services.UseFakeTimeProvider(clock);
        return clock;
    }
}
