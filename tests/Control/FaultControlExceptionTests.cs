namespace FaultLab.Control.Tests;

public sealed class FaultControlExceptionTests
{
    [Fact]
    public void The_message_is_followed_by_every_error_one_space_apart()
    {
        var error = new FaultControlException(400, "POST faults: 400 Invalid fault profile.", ["StatusCode: is wrong.", "InjectionRate: is wrong."]);

        Assert.Equal("POST faults: 400 Invalid fault profile. StatusCode: is wrong. InjectionRate: is wrong.", error.Message);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal(["StatusCode: is wrong.", "InjectionRate: is wrong."], error.Errors);
    }

    [Fact]
    public void Without_errors_the_message_stands_alone()
    {
        Assert.Equal("DELETE faults/x: 404 Not Found.", new FaultControlException(404, "DELETE faults/x: 404 Not Found.", []).Message);
    }
}
