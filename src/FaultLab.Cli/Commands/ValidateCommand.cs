using System.CommandLine;
using FaultLab.Cli.Experiments;

namespace FaultLab.Cli.Commands;

/// <summary><c>faultlab validate FILE</c>: checks a fault profile or an experiment and prints every problem with its JSON path.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "A fault profile or an experiment (JSON)." };
        var command = new Command("validate", "Check a fault profile or experiment file; print every problem with its JSON path.") { file };
        command.SetAction(parse => Run(parse.GetValue(file)!, console));
        return command;
    }

    public static int Run(string path, CliConsole console) => console.Guard(() =>
    {
        var (experiment, errors, isExperiment) = ExperimentReader.Read(path);
        string what = isExperiment ? "experiment" : "fault profile";
        if (errors.Count == 0)
        {
            console.Out.WriteLine($"{path}: valid {what} ({experiment.Faults.Faults.Count} faults).");
            return ExitCodes.Ok;
        }

        throw new InputException(ExperimentReader.Describe(path, errors, isExperiment));
    });
}
