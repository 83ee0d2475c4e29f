namespace FaultLab.Testing;

/// <summary>Adds fault scripts to a profile. In this package's namespace, so <c>using FaultLab.Testing;</c> is all a
/// test needs.</summary>
public static class FaultScriptExtensions
{
    /// <summary>Adds a per-attempt fault script to the profile.</summary>
    /// <param name="builder">The profile builder.</param>
    /// <param name="script">Writes the script: <c>s =&gt; s.Status(HttpStatusCode.ServiceUnavailable, times: 2)</c>.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddScript(this FaultInjectionBuilder builder, Action<FaultScriptBuilder> script)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(script);
        var fault = new ScriptedFault();
        script(new FaultScriptBuilder(fault));
        return builder.AddFault(fault);
    }
}
