namespace FaultLab.Replay.Tests.Matching;

public sealed class CassetteMismatchExceptionTests
{
    [Fact]
    public void Every_reason_is_listed_in_the_message_separated_and_ended()
    {
        var error = new CassetteMismatchException("/c.json", "GET http://127.0.0.1/b", "POST http://127.0.0.1/a", ["method: recorded POST, sent GET", "path: recorded /a, sent /b"]);

        Assert.Equal(
            "Cassette '/c.json' cannot answer GET http://127.0.0.1/b. Closest recorded request: POST http://127.0.0.1/a; it does not match because "
            + "method: recorded POST, sent GET; path: recorded /a, sent /b.",
            error.Message);
        Assert.Equal(["method: recorded POST, sent GET", "path: recorded /a, sent /b"], error.Reasons);
        Assert.Equal("/c.json", error.CassettePath);
    }
}
