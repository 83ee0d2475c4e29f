using System.Reflection;
using Xunit.Sdk;

namespace FaultLab.Tests.Shared;

/// <summary>
/// Runs a test while holding a machine-wide lock, so tests that measure real time in one test assembly never share
/// the two cores with heavy tests of another: `dotnet test FaultLab.sln` runs test assemblies side by side.
/// The lock is an exclusive file lock (flock on Linux), released at the end of each test, or by the OS if the
/// process dies.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class MachineWideTimingAttribute : BeforeAfterTestAttribute
{
    private static readonly string LockPath = Path.Combine(Path.GetTempPath(), "faultlab-timing-tests.lock");
    private static readonly AsyncLocal<FileStream?> Held = new();

    public override void Before(MethodInfo methodUnderTest)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                Held.Value = new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return;
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another assembly's timing test holds the lock: wait for it, polling (a lock, not a timed assertion).
                Thread.Sleep(25);
            }
        }
    }

    public override void After(MethodInfo methodUnderTest)
    {
        Held.Value?.Dispose();
        Held.Value = null;
    }
}
