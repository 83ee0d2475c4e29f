namespace FaultLab;

/// <summary>Adds bearer-token expiry to a <see cref="FaultInjectionBuilder"/>.</summary>
public static class ExpiredTokenFaultBuilderExtensions
{
    /// <summary>Rejects expired bearer tokens with 401 as an RFC 6750 resource server would.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="tokenLifetime">How long an opaque token lives from first sight (JWTs use their <c>exp</c>).</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddExpiredToken(this FaultInjectionBuilder builder, TimeSpan tokenLifetime) =>
        builder.AddFault(new ExpiredTokenFault { TokenLifetime = tokenLifetime });

    /// <summary>Adds token expiry configured in full.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets lifetime, revocation and realm.</param>
    /// <returns>The same builder.</returns>
    public static FaultInjectionBuilder AddExpiredToken(this FaultInjectionBuilder builder, Action<ExpiredTokenFault> configure) =>
        builder.AddFault(configure);
}
