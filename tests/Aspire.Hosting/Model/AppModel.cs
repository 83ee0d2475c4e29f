using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaultLab.Aspire.Hosting.Tests.Model;

/// <summary>
/// An app host built but never started: the model the extension methods build is inspected as is, and the two events
/// the fault proxy listens to are raised by hand (nothing else runs: no orchestrator, no dashboard, no processes).
/// </summary>
internal static class AppModel
{
    /// <summary>An app host in <paramref name="environment"/>, named as a user would (<c>--environment</c>): Development
    /// unless told, as <c>dotnet run</c> of an app host is (its launch profile), so the proxies inject their faults.</summary>
    public static IDistributedApplicationBuilder CreateBuilder(string environment = "Development")
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = ["--environment", environment],
            DisableDashboard = true,
        });
        // The orchestrator is never started, but its options are validated when the model is prepared for it.
        builder.Configuration["DcpPublisher:CliPath"] = "/nonexistent/dcp";
        builder.Configuration["DcpPublisher:DashboardPath"] = "/nonexistent/dashboard";
        return builder;
    }

    /// <summary>A resource with an http endpoint, as a project with a launch profile has: never launched.</summary>
    public static IResourceBuilder<ExecutableResource> AddService(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddExecutable(name, "dotnet", ".").WithHttpEndpoint();

    public static FaultInjectionOptions Profile(params Fault[] faults)
    {
        var profile = new FaultInjectionOptions();
        foreach (var fault in faults)
        {
            profile.Faults.Add(fault);
        }

        return profile;
    }

    public static ResourceCommandAnnotation Command(this IResource resource, string name) =>
        resource.Annotations.OfType<ResourceCommandAnnotation>().Single(c => c.Name == name);

    public static EndpointAnnotation Endpoint(this IResource resource, string name) =>
        resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == name);

    /// <summary>What the app host does first when it starts: every <see cref="BeforeStartEvent"/> subscriber runs.</summary>
    public static Task BeforeStartAsync(this DistributedApplication app) =>
        app.Services.GetRequiredService<IDistributedApplicationEventing>()
            .PublishAsync(new BeforeStartEvent(app.Services, app.Services.GetRequiredService<DistributedApplicationModel>()));

    /// <summary>What the orchestrator does once a resource listens: its endpoint gets an address, then the event is raised.</summary>
    public static Task EndpointsAllocatedAsync(this DistributedApplication app, IResource resource, string endpointName, Uri address)
    {
        var endpoint = resource.Endpoint(endpointName);
        endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, address.Host, address.Port);
        return app.Services.GetRequiredService<IDistributedApplicationEventing>()
            .PublishAsync(new ResourceEndpointsAllocatedEvent(resource, app.Services));
    }

    /// <summary>The environment the app host would give <paramref name="resource"/>'s process.</summary>
    public static async Task<Dictionary<string, string>> EnvironmentAsync(this DistributedApplication app, IResource resource)
    {
        var configuration = await ExecutionConfigurationBuilder.Create(resource).WithEnvironmentVariablesConfig()
            .BuildAsync(app.Services.GetRequiredService<DistributedApplicationExecutionContext>(), NullLogger.Instance, CancellationToken.None);
        return configuration.EnvironmentVariables.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
    }

    /// <summary>The snapshot last published for <paramref name="resource"/> once it satisfies <paramref name="predicate"/>.</summary>
    public static async Task<CustomResourceSnapshot> SnapshotAsync(this DistributedApplication app, IResource resource,
        Func<CustomResourceSnapshot, bool> predicate)
    {
        var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
        var resourceEvent = await notifications.WaitForResourceAsync(resource.Name, e => predicate(e.Snapshot))
            .WaitAsync(TimeSpan.FromSeconds(30));
        return resourceEvent.Snapshot;
    }

    public static string? Property(this CustomResourceSnapshot snapshot, string name) =>
        snapshot.Properties.Single(p => p.Name == name).Value as string;

    public static ResourceCommandState StateOf(this DistributedApplication app, IResource resource, string command) =>
        resource.Command(command).UpdateState(new UpdateCommandStateContext
        {
            ResourceSnapshot = new CustomResourceSnapshot { ResourceType = "FaultLab proxy", Properties = [] },
            Services = app.Services,
        });

    /// <summary>The first line written to the resource's console (the backlog included) that satisfies <paramref name="predicate"/>.</summary>
    public static async Task<string> LogAsync(this DistributedApplication app, IResource resource, Func<string, bool> predicate)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var batch in app.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(resource).WithCancellation(limit.Token))
        {
            if (batch.Select(l => WithoutTimestamp(l.Content)).FirstOrDefault(predicate) is { } line)
            {
                return line;
            }
        }

        throw new InvalidOperationException($"The log of '{resource.Name}' ended without a matching line.");
    }

    /// <summary>Every line written to the resource's console so far (the backlog included): a marker line is written
    /// last and the lines before it are returned, so a test can count what was logged, not only find it.</summary>
    public static async Task<List<string>> LogLinesAsync(this DistributedApplication app, IResource resource)
    {
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        string marker = $"end of the test's log {Guid.NewGuid():N}";
        logs.GetLogger(resource).LogInformation("{Marker}", marker);
        var lines = new List<string>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var batch in logs.WatchAsync(resource).WithCancellation(limit.Token))
        {
            foreach (string line in batch.Select(l => WithoutTimestamp(l.Content)))
            {
                if (line == marker)
                {
                    return lines;
                }

                lines.Add(line);
            }
        }

        throw new InvalidOperationException($"The log of '{resource.Name}' ended before its marker.");
    }

    /// <summary>The console shows each line after the time it was written.</summary>
    private static string WithoutTimestamp(string line) =>
        line.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space
            && DateTimeOffset.TryParse(line[..space], System.Globalization.CultureInfo.InvariantCulture, out _)
            ? line[(space + 1)..]
            : line;
}
