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
}
