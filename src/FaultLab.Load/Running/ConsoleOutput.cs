namespace FaultLab.Load;

/// <summary>What the runner prints to the console.</summary>
public enum ConsoleOutput
{
    /// <summary>Live progress when the console is interactive; a summary when output is redirected or a CI variable is set.</summary>
    Auto,
    /// <summary>Live progress bars and a summary.</summary>
    Live,
    /// <summary>Only the final summary.</summary>
    Summary,
    /// <summary>Nothing.</summary>
    Silent,
}
