using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaultLab.Control;

/// <summary>Builds the handler that realizes header-controlled faults (see <see cref="HeaderFaultOptions"/>) with the
/// core's own fault pipeline: selection, seeds, realization and telemetry are the ones of any FaultLab fault.</summary>
public static class HeaderFaults
{
    /// <summary>Creates the handler. Put it above the primary handler (or above another fault handler).</summary>
    /// <param name="options">The validated options; a copy of the allow-list is taken.</param>
    /// <param name="innerHandler">Where requests go on to.</param>
    /// <param name="timeProvider">The clock of delays and schedules; the system clock when omitted.</param>
    /// <param name="loggerFactory">Where injected and refused faults are logged.</param>
    /// <param name="clientName">The client name in telemetry.</param>
    /// <param name="environmentName">The environment; the process's <c>DOTNET_ENVIRONMENT</c>, else
    /// <c>ASPNETCORE_ENVIRONMENT</c>, when omitted. <c>Production</c> refuses unless allowed.</param>
    /// <returns>The handler.</returns>
    /// <exception cref="ArgumentException">The options are invalid; the message names each setting's path.</exception>
    public static DelegatingHandler CreateHandler(HeaderFaultOptions options, HttpMessageHandler innerHandler, TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null, string clientName = "default", string? environmentName = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(innerHandler);
        if (options.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException("Invalid header faults: " + string.Join(" ", errors), nameof(options));
        }

        environmentName ??= ProductionRule.ProcessEnvironmentName();
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("FaultLab");
        bool refused = options.Enabled && ProductionRule.Refuses(environmentName, options.AllowInProduction);
        if (refused)
        {
            logger.LogWarning("FaultLab header-controlled faults are configured for client '{Client}' but refused: the environment is Production", clientName);
        }

        return new HeaderFaultHandler(options, !options.Enabled || refused, timeProvider ?? TimeProvider.System, loggerFactory, clientName)
        {
            InnerHandler = innerHandler,
        };
    }

    private sealed class HeaderFaultHandler : DelegatingHandler
    {
        private readonly string _header;
        private readonly int _maxActive;
        private readonly bool _off;
        private readonly Dictionary<string, Fault> _allowed;
        private readonly ConcurrentDictionary<(string Name, double Rate), Lazy<HttpMessageInvoker>> _pipelines = new();
        private readonly TimeProvider _time;
        private readonly ILoggerFactory? _loggerFactory;
        private readonly string _clientName;
        private readonly int? _seed;
        private int _active;

        public HeaderFaultHandler(HeaderFaultOptions options, bool off, TimeProvider time, ILoggerFactory? loggerFactory, string clientName)
        {
            _header = options.HeaderName;
            _maxActive = options.MaxActiveFaults;
            _off = off;
            _allowed = options.Faults.ToDictionary(f => f.Name!, StringComparer.Ordinal);
            _time = time;
            _loggerFactory = loggerFactory;
            _clientName = clientName;
            _seed = options.Seed;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_off || !TryRequested(request, out Fault? fault, out double rate))
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }

            // The cap bounds what a header can do to a shared dependency: past it, requests pass through untouched.
            if (Interlocked.Increment(ref _active) > _maxActive)
            {
                Interlocked.Decrement(ref _active);
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                var pipeline = _pipelines.GetOrAdd((fault.Name!, rate), key => new Lazy<HttpMessageInvoker>(() => Build(fault, key.Rate))).Value;
                return await pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _active);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                foreach (var pipeline in _pipelines.Values.Where(p => p.IsValueCreated))
                {
                    pipeline.Value.Dispose();
                }
            }

            base.Dispose(disposing);
        }

        /// <summary><c>name</c> or <c>name;rate=0.25</c>: an allowed name, and a rate that can only lower the configured one.</summary>
        private bool TryRequested(HttpRequestMessage request, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Fault? fault, out double rate)
        {
            fault = null;
            rate = 0;
            if (!request.Headers.TryGetValues(_header, out var values) || values.FirstOrDefault() is not { } value)
            {
                return false;
            }

            string[] parts = value.Split(';', 2, StringSplitOptions.TrimEntries);
            if (!_allowed.TryGetValue(parts[0], out fault))
            {
                return false;
            }

            rate = fault.InjectionRate;
            if (parts.Length == 2 && parts[1].StartsWith("rate=", StringComparison.OrdinalIgnoreCase) &&
                double.TryParse(parts[1].AsSpan(5), NumberStyles.Float, CultureInfo.InvariantCulture, out double asked) && asked is >= 0 and <= 1)
            {
                rate = Math.Min(rate, asked);
            }

            return true;
        }

        /// <summary>A core fault pipeline for one allowed fault at one rate, relaying to this handler's inner handler.</summary>
        private HttpMessageInvoker Build(Fault template, double rate)
        {
            var fault = FaultJson.ReadFault(FaultJson.Write(template).ToJsonString(), out _)!;
            fault.InjectionRate = rate;
            var relay = new Relay(base.SendAsync);
            return new HttpMessageInvoker(FaultInjection.CreateHandler(b =>
            {
                b.Options.Seed = _seed;
                b.AddFault(fault);
            }, relay, _time, _loggerFactory, _clientName));
        }
    }

    private sealed class Relay(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            send(request, cancellationToken);
    }
}
