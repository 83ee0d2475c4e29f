using FaultLab.Cli;

return await CliApp.RunAsync(args, CliConsole.System(args.Contains("--verbose")));
