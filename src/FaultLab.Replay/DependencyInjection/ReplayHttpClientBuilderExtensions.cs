using FaultLab.Replay;
using FaultLab.Replay.Playback;
using Microsoft.Extensions.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Records a client's traffic to a cassette and replays it. The cassette handler becomes the client's primary
/// handler, wrapping the real one, so FaultLab's fault injection and every resilience or logging handler still sit
/// above it and apply to replayed traffic. Inside <c>ConfigureHttpClientDefaults</c> it applies to every client.
/// </summary>
public static class ReplayHttpClientBuilderExtensions
{
    /// <summary>Records every request and response of the client, replacing what the cassette held (<see cref="RecordMode.Record"/>).</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="cassettePath">The cassette file.</param>
    /// <param name="configure">Sets redaction, matching and replay options.</param>
    /// <returns>The same client builder.</returns>
    public static IHttpClientBuilder AddRecording(this IHttpClientBuilder builder, string cassettePath, Action<CassetteOptions>? configure = null) =>
        AddReplay(builder, new Cassette(cassettePath), RecordMode.Record, configure);

    /// <summary>Records every request and response of the client, replacing what the cassette held (<see cref="RecordMode.Record"/>).</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="cassette">The cassette.</param>
    /// <param name="configure">Sets redaction, matching and replay options.</param>
    /// <returns>The same client builder.</returns>
    public static IHttpClientBuilder AddRecording(this IHttpClientBuilder builder, Cassette cassette, Action<CassetteOptions>? configure = null) =>
        AddReplay(builder, cassette, RecordMode.Record, configure);

    /// <summary>Replays the cassette, recording as <paramref name="mode"/> says.</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="cassettePath">The cassette file.</param>
    /// <param name="mode">When to record and when to replay. Defaults to <see cref="RecordMode.Once"/>.</param>
    /// <param name="configure">Sets redaction, matching and replay options.</param>
    /// <returns>The same client builder.</returns>
    public static IHttpClientBuilder AddReplay(this IHttpClientBuilder builder, string cassettePath, RecordMode mode = RecordMode.Once, Action<CassetteOptions>? configure = null) =>
        AddReplay(builder, new Cassette(cassettePath), mode, configure);

    /// <summary>Replays the cassette, recording as <paramref name="mode"/> says.</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="cassette">The cassette.</param>
    /// <param name="mode">When to record and when to replay. Defaults to <see cref="RecordMode.Once"/>.</param>
    /// <param name="configure">Sets redaction, matching and replay options.</param>
    /// <returns>The same client builder.</returns>
    public static IHttpClientBuilder AddReplay(this IHttpClientBuilder builder, Cassette cassette, RecordMode mode = RecordMode.Once, Action<CassetteOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(cassette);
        var options = new CassetteOptions();
        configure?.Invoke(options);

        // Post-configured, the action runs after every ConfigurePrimaryHttpMessageHandler of the user, so it wraps
        // the final primary handler; FaultLab's filter runs after all actions and so still lands above it.
        void WrapPrimary(HttpClientFactoryOptions factory) =>
            factory.HttpMessageHandlerBuilderActions.Add(handlers =>
            {
                var clock = options.TimeProvider ?? handlers.Services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
                handlers.PrimaryHandler = new CassetteHandler(cassette, mode, options, clock) { InnerHandler = handlers.PrimaryHandler };
            });

        if (builder.Name is null)
        {
            builder.Services.PostConfigureAll<HttpClientFactoryOptions>(WrapPrimary);
        }
        else
        {
            builder.Services.PostConfigure<HttpClientFactoryOptions>(builder.Name, WrapPrimary);
        }

        return builder;
    }
}
