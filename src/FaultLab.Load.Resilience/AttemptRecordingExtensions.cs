using FaultLab.Load.Resilience;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers an <see cref="AttemptRecorder"/> on a client.</summary>
public static class AttemptRecordingExtensions
{
    /// <summary>
    /// Records the client's attempts into <paramref name="recorder"/>. The recording handler is placed below every
    /// other handler of the client whatever the order of registration (directly above FaultLab's fault handler, which
    /// wraps the primary handler), so it sees each retry and hedge.
    /// </summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="recorder">Where the attempts go.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder RecordAttempts(this IHttpClientBuilder builder, AttemptRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(recorder);
        builder.Services.AddSingleton<IHttpMessageHandlerBuilderFilter>(new InnermostFilter(builder.Name ?? Options.Options.DefaultName, recorder));
        return builder;
    }

    /// <summary>Appends the recording handler after every builder action has run, so it ends up innermost.</summary>
    private sealed class InnermostFilter(string clientName, AttemptRecorder recorder) : IHttpMessageHandlerBuilderFilter
    {
        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
        {
            next(builder);
            if (string.Equals(builder.Name ?? Options.Options.DefaultName, clientName, StringComparison.Ordinal))
            {
                builder.AdditionalHandlers.Add(recorder.CreateHandler());
            }
        };
    }
}
