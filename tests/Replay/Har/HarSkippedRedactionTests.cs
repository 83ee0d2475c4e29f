using FaultLab.Replay.Tests.Support;

namespace FaultLab.Replay.Tests.Har;

/// <summary><see cref="HarImportResult.Skipped"/> gets printed (a CI log, a console), so its URLs are redacted as the cassette's are.</summary>
public sealed class HarSkippedRedactionTests
{
    private const string Har = """
        {"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"entries":[
          {"request":{"method":"GET","url":"https://127.0.0.1/cb?access_token=har-token-1&code=har-code-1&state=s1","headers":[]},
           "response":{"status":0,"headers":[],"content":{"size":0,"mimeType":"x-unknown"},"_error":"net::ERR_CONNECTION_REFUSED"}},
          {"request":{"method":"GET","url":"chrome-extension://abcdefghijklmnop/inject.js?apikey=har-key-2","headers":[]},
           "response":{"status":200,"headers":[],"content":{"size":0,"mimeType":"text/javascript"}}},
          {"request":{"method":"POST","url":"https://ann:har-password-3@127.0.0.1/orders?page=2","headers":[]},
           "response":{"status":101,"headers":[],"content":{"size":0,"mimeType":"x-unknown"}}},
          {"request":{"method":"GET","url":"https://127.0.0.1/verify/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.c2lnbmF0dXJl/done","headers":[]},
           "response":{"status":0,"headers":[],"content":{"size":0,"mimeType":"x-unknown"}}},
          {"request":{"method":"GET","headers":[]},"response":{"status":200,"headers":[],"content":{"size":0,"mimeType":"x-unknown"}}},
          {"request":{"method":"GET","url":"https://127.0.0.1/hello?page=1","headers":[]},
           "response":{"status":200,"statusText":"OK","headers":[],"content":{"size":5,"mimeType":"text/plain","text":"hello"}}}
        ]}}
        """;

    [Fact]
    public async Task Skipped_entries_name_method_host_path_and_reason_without_the_secrets_in_their_urls()
    {
        using var directory = new TempDirectory();
        string har = directory.File("login.har");
        File.WriteAllText(har, Har);
        var options = new CassetteOptions();
        options.Redaction.QueryParameters.Add("code");

        var result = await HarArchive.ImportAsync(har, directory.File("login.json"), options);

        Assert.Equal(1, result.Imported);
        Assert.Equal(
            [
                "entry 0 (GET https://127.0.0.1/cb?access_token=%5BREDACTED%5D&code=%5BREDACTED%5D&state=s1): no response (net::ERR_CONNECTION_REFUSED)",
                "entry 1 (GET chrome-extension://abcdefghijklmnop/inject.js?apikey=%5BREDACTED%5D): not an http(s) request",
                "entry 2 (POST https://%5BREDACTED%5D@127.0.0.1/orders?page=2): status 101 is not a final response",
                "entry 3 (GET https://127.0.0.1/verify/eyJhbG…/done): no response",
                "entry 4 (GET ): not an http(s) request",
            ],
            result.Skipped);
    }
}
