using FaultLab.Catalog;
using FaultLab.Configuration;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>The body arrives slowly: <see cref="BytesPerSecond"/> on the injected clock. Headers arrive at once.</summary>
[FaultKind("The real upstream body, delivered at BytesPerSecond on the injected clock; the headers arrive at once.",
    Example = """{ "BytesPerSecond": 100000 }""")]
public sealed class SlowBodyFault : BodyFault
{

    /// <summary>Gets or sets the transfer rate of the body.</summary>
    public int BytesPerSecond { get; set; }

    internal override void Validate(SettingPath path, List<string> errors)
    {
        base.Validate(path, errors);
        if (BytesPerSecond <= 0)
        {
            errors.Add($"{path[nameof(BytesPerSecond)]}: must be positive (was {BytesPerSecond}).");
        }
    }

    internal override HttpContent Wrap(HttpContent original, RealizationContext context) =>
        new FaultyContent(original, (stream, _) => new SlowStream(stream, BytesPerSecond, context.Clock));
}
