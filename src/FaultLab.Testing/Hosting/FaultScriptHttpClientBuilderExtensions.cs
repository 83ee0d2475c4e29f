using FaultLab.Testing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds fault scripts to a client, innermost, through FaultLab's own <c>AddFaultInjection</c>.</summary>
public static class FaultScriptHttpClientBuilderExtensions
{
    /// <summary>Injects a per-attempt fault script into this client, directly above its primary handler.</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="script">Writes the script: <c>s =&gt; s.DnsFailure(times: 2)</c>.</param>
    /// <returns>The same client builder.</returns>
    public static IHttpClientBuilder AddFaultScript(this IHttpClientBuilder builder, Action<FaultScriptBuilder> script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return builder.AddFaultInjection(faults => faults.AddScript(script));
    }
}
