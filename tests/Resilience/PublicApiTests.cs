using System.Reflection;

namespace FaultLab.Tests;

public sealed class PublicApiTests
{
    // Their realization is internal: a class derived elsewhere could not compile ("does not implement inherited
    // abstract member"), so the base classes must not look derivable from outside FaultLab.
    [Theory]
    [InlineData(typeof(Fault))]
    [InlineData(typeof(ExceptionFault))]
    [InlineData(typeof(BodyFault))]
    public void Fault_base_classes_cannot_be_derived_outside_FaultLab(Type type)
    {
        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);

        Assert.NotEmpty(constructors);
        Assert.All(constructors, c => Assert.True(c.IsFamilyAndAssembly, $"{type.Name}{c} is reachable from other assemblies"));
    }

    [Fact]
    public void Every_shipped_package_declares_its_public_API_and_none_opens_its_internals_to_another_package()
    {
        string src = Path.Combine(RepoRoot(), "src");
        var libraries = Directory.GetFiles(src, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !File.ReadAllText(p).Contains("<OutputType>Exe</OutputType>", StringComparison.Ordinal))
            .ToList();
        var packages = libraries.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("FaultLab", packages);
        Assert.All(libraries, project =>
        {
            string folder = Path.GetDirectoryName(project)!;
            Assert.True(File.Exists(Path.Combine(folder, "PublicAPI.Shipped.txt")), $"{project} has no PublicAPI.Shipped.txt");
            Assert.True(File.Exists(Path.Combine(folder, "PublicAPI.Unshipped.txt")), $"{project} has no PublicAPI.Unshipped.txt");
            var friends = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(project), "InternalsVisibleTo Include=\"([^\"]+)\"")
                .Select(m => m.Groups[1].Value);
            Assert.DoesNotContain(friends, packages.Contains); // test and benchmark assemblies may be friends; packages meet through public API
        });
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FaultLab.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FaultLab.sln not found above " + AppContext.BaseDirectory);
    }
}
