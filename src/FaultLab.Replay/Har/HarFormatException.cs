namespace FaultLab.Replay;

/// <summary>A file that cannot be read as HAR 1.2: not JSON, or JSON without <c>log.entries</c>. The message names the file and the place.</summary>
public sealed class HarFormatException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="HarFormatException"/> class.</summary>
    /// <param name="harPath">The file.</param>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="inner">The parser's exception, if any.</param>
    public HarFormatException(string harPath, string message, Exception? inner = null)
        : base(message, inner)
    {
        HarPath = harPath;
    }

    /// <summary>Gets the full path of the HAR file.</summary>
    public string HarPath { get; }
}
