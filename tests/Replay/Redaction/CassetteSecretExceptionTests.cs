namespace FaultLab.Replay.Tests.Redaction;

public sealed class CassetteSecretExceptionTests
{
    [Fact]
    public void The_message_lists_every_finding_and_says_how_to_redact()
    {
        var error = new CassetteSecretException("/c.json", ["GitHub token in response body (ghp_01…)", "AWS access key id in request URL (AKIAIO…)"]);

        Assert.Equal(
            "Refusing to write cassette '/c.json': it would contain GitHub token in response body (ghp_01…); AWS access key id in request URL (AKIAIO…). "
            + "Redact it with CassetteOptions.Redaction (headers, query parameters, JSON fields) or set ScanForSecrets = false for fake test secrets.",
            error.Message);
        Assert.Equal(2, error.Findings.Count);
    }
}
