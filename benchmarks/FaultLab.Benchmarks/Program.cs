using BenchmarkDotNet.Running;

namespace FaultLab.Benchmarks;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // "load ..." is the FaultLab.Load contender of load-vs-wrk/run.sh, "agent"/"compare" the distributed proof of
        // load-agents/run.sh, "soak" the soak of soak/run.sh, "throughput" the engine-vs-bare-loop check, "paired" the
        // interleaved cross-check of part 1, "matrix [rounds]" the real time of the resilience matrix;
        // anything else goes to BenchmarkDotNet.
        if (args.Length > 0 && args[0] == "load")
        {
            return await LoadRunner.RunAsync(args[1..]).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "agent")
        {
            return await AgentProof.RunAgentAsync(args[1..]).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "compare")
        {
            return AgentProof.Compare(args[1..]);
        }

        if (args.Length > 0 && args[0] == "soak")
        {
            return await Soak.RunAsync(args[1..]).ConfigureAwait(false);
        }

        if (args is ["throughput"])
        {
            return await ThroughputCheck.RunAsync().ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "matrix")
        {
            return await MatrixTiming.RunAsync(args[1..]).ConfigureAwait(false);
        }

        if (args is ["paired"])
        {
            return PairedCheck.Run();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create());
        return 0;
    }
}
