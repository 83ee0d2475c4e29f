using FaultLab.Pipeline;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace FaultLab.DependencyInjection;

/// <summary>
/// Places the fault handler innermost whatever order the user registered handlers in: after every other builder
/// action has run it wraps the primary handler itself, so the fault sits directly above the network and below
/// every resilience, logging or custom handler.
/// </summary>
internal sealed class FaultInjectionHandlerFilter(IOptions<FaultInjectionClients> clients, FaultPipelineProviders providers)
    : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        string clientName = builder.Name ?? Options.DefaultName;
        if (clients.Value.OptionsNameFor(clientName) is { } optionsName)
        {
            var provider = providers.Get(clientName, optionsName);
            builder.PrimaryHandler = new FaultInjectionHandler(() => provider.Current, provider.Telemetry, clientName, provider.Guard)
            {
                InnerHandler = builder.PrimaryHandler,
            };
        }
    };
}
