using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace FaultLab.Tests;

/// <summary>Every public entry point of the core refuses a null argument at once, naming it, rather than failing later
/// (at the first request, or with a NullReferenceException deep inside).</summary>
public sealed class ArgumentCheckTests
{
    private static readonly Dictionary<string, (string Parameter, Action Call)> Calls = new(StringComparer.Ordinal)
    {
        ["FaultCatalog.Find"] = ("name", () => FaultCatalog.Find(null!)),
        ["IHttpClientBuilder.AddFaultInjection(configure)"] = ("configure",
            () => new ServiceCollection().AddHttpClient("args").AddFaultInjection((Action<FaultInjectionBuilder>)null!)),
        ["IHttpClientBuilder.AddFaultInjection(section) builder"] = ("builder",
            () => FaultInjectionHttpClientBuilderExtensions.AddFaultInjection(null!, Section())),
        ["IHttpClientBuilder.AddFaultInjection(section) section"] = ("section",
            () => new ServiceCollection().AddHttpClient("args").AddFaultInjection((IConfigurationSection)null!)),
        ["AddLiveFaultProfile"] = ("services", () => LiveFaultProfileServiceCollectionExtensions.AddLiveFaultProfile(null!)),
        ["AddResilienceObserver"] = ("services", () => ResilienceObserverServiceCollectionExtensions.AddResilienceObserver(null!)),
        ["FaultInjection.CreateHandler(profile)"] = ("profile", () => FaultInjection.CreateHandler((LiveFaultProfile)null!)),
        ["ResiliencePipelineBuilder.AddFaultInjection"] = ("builder",
            () => FaultInjection.AddFaultInjection(null!, f => f.AddFault(new StatusFault()))),
        ["FaultInjectionBuilder.AddFault(fault)"] = ("fault", () => new FaultInjectionBuilder(new FaultInjectionOptions()).AddFault(null!)),
        ["FaultInjectionBuilder.AddFault(configure)"] = ("configure",
            () => new FaultInjectionBuilder(new FaultInjectionOptions()).AddFault<StatusFault>(null!)),
        ["FaultInjectionOptions.FromConfiguration"] = ("section", () => FaultInjectionOptions.FromConfiguration(null!)),
        ["new LiveFaultProfile(baseline)"] = ("baseline", () => _ = new LiveFaultProfile(null!)),
        ["LiveFaultProfile.Set"] = ("profile", () => new LiveFaultProfile().Set(null!)),
        ["InjectedFault.For"] = ("request", () => InjectedFault.For(null!)),
        ["InjectedFault.Track"] = ("request", () => InjectedFault.Track(null!)),
    };

    public static TheoryData<string> Names => [.. Calls.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void A_null_argument_is_refused_naming_the_parameter(string call)
    {
        var (parameter, act) = Calls[call];

        var refused = Assert.Throws<ArgumentNullException>(act);

        Assert.Equal(parameter, refused.ParamName);
    }

    private static IConfigurationSection Section() => new ConfigurationBuilder().Build().GetSection("FaultLab");
}
