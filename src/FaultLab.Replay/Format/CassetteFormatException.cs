namespace FaultLab.Replay;

/// <summary>A cassette file that cannot be read: not JSON, or JSON that is not a cassette. The message names the file and the place.</summary>
public sealed class CassetteFormatException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="CassetteFormatException"/> class.</summary>
    /// <param name="cassettePath">The file.</param>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="lineNumber">The 1-based line of the error, when known.</param>
    /// <param name="bytePositionInLine">The 1-based byte in that line, when known.</param>
    /// <param name="inner">The parser's exception, if any.</param>
    public CassetteFormatException(string cassettePath, string message, long? lineNumber = null, long? bytePositionInLine = null, Exception? inner = null)
        : base(message, inner)
    {
        CassettePath = cassettePath;
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>Gets the full path of the cassette file.</summary>
    public string CassettePath { get; }

    /// <summary>Gets the 1-based line of the error, when the parser knew it.</summary>
    public long? LineNumber { get; }

    /// <summary>Gets the 1-based byte position in <see cref="LineNumber"/>, when the parser knew it.</summary>
    public long? BytePositionInLine { get; }
}
