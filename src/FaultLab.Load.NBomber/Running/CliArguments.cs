namespace FaultLab.Load.NBomber.Running;

using FaultLab.Load.NBomber.CSharp;

/// <summary>NBomber's command-line arguments that make sense here: <c>--config</c> and <c>--target</c>.</summary>
internal static class CliArguments
{
    public static NBomberContext Apply(NBomberContext context, IEnumerable<string> args)
    {
        var targets = new List<string>();
        foreach (var arg in args)
        {
            var (name, value) = Split(arg);
            switch (name)
            {
                case "--config" or "-c": context = context.LoadConfig(value); break;
                case "--target" or "-t": targets.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
                case "--infra" or "-i": throw new NotSupportedException($"'{arg}': infra config is not supported by FaultLab.Load.NBomber.");
                default:
                    if (name.StartsWith("--cluster", StringComparison.Ordinal))
                        throw new NotSupportedException($"'{arg}': cluster mode is not supported by FaultLab.Load.NBomber.");
                    throw new ArgumentException($"Unknown NBomber argument '{arg}' (supported: --config=path, --target=name).", nameof(args));
            }
        }
        return targets.Count == 0 ? context : context.WithTargetScenarios([.. targets]);
    }

    private static (string Name, string Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == arg.Length - 1)
            throw new ArgumentException($"NBomber argument '{arg}' must look like --name=value.", nameof(arg));
        return (arg[..equals], arg[(equals + 1)..]);
    }
}
