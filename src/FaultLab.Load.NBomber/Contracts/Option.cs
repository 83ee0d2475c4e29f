namespace FaultLab.Load.NBomber.Contracts;

/// <summary>
/// An optional value, standing in for F#'s <c>'T option</c> that NBomber's payloads use: <c>Value</c> reads it,
/// <c>IsSome()</c> / <c>IsNone()</c> test it. Reading the value of an empty option throws.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public readonly struct Option<T>
{
    private readonly T _value;

    /// <summary>Creates an option holding <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    public Option(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>Gets an empty option.</summary>
    public static Option<T> None => default;

    /// <summary>Gets whether a value is present.</summary>
    public bool HasValue { get; }

    /// <summary>Gets the value; throws <see cref="InvalidOperationException"/> when there is none.</summary>
    public T Value => HasValue ? _value : throw new InvalidOperationException("The payload is None: the response carries no value.");

    /// <summary>True when a value is present.</summary>
    public bool IsSome() => HasValue;

    /// <summary>True when no value is present.</summary>
    public bool IsNone() => !HasValue;

    /// <inheritdoc />
    public override string ToString() => HasValue ? $"Some({_value})" : "None";
}
