namespace FaultLab.Load.Tests.Distributed;

/// <summary>Sets process environment variables for one test and restores them (the assembly's tests run one at a time).</summary>
internal sealed class EnvironmentVariables : IDisposable
{
    private readonly (string Name, string? Previous)[] _saved;

    public EnvironmentVariables(params (string Name, string Value)[] variables)
    {
        _saved = variables.Select(v => (v.Name, Environment.GetEnvironmentVariable(v.Name))).ToArray();
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, previous) in _saved)
        {
            Environment.SetEnvironmentVariable(name, previous);
        }
    }
}
