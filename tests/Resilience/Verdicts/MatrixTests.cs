using System.Diagnostics;
using FaultLab.Testing;
using Xunit.Abstractions;

namespace FaultLab.Tests.Verdicts;

public sealed class MatrixTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Smoke()
    {
        var sw = new StringWriter();
        Console.SetOut(sw);
        var m = MatrixClients.Standard();
        await m.RunAsync();
        output.WriteLine(sw.ToString());
    }
}
