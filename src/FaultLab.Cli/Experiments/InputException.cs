namespace FaultLab.Cli.Experiments;

/// <summary>Bad input from the user: shown as one clear message, exit code 2, no stack trace unless --verbose.</summary>
internal sealed class InputException(string message) : Exception(message);
