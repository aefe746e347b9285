using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Core.Tenancy;

/// <summary>
/// Where each tenant is reached, from the configuration and the registry and never from a request's Host
/// header, which anyone can forge: the one source of absolute links and of the hosts the site answers.
/// </summary>
public sealed class TenantAddresses
{
    /// <summary>The base URL when none is configured and the server's addresses are unknown.</summary>
    public const string Fallback = "http://localhost:5000";

    private readonly TenantRegistry registry;
    private readonly Lazy<Uri> installation;
    private readonly IReadOnlyList<string> extraHosts;

    public TenantAddresses(TenantRegistry registry, IOptions<LearningOptions> options, IServer? server = null)
    {
        this.registry = registry;
        extraHosts = options.Value.ExtraHosts;
        var configured = options.Value.BaseUrl;
        // Without a configured base URL, the first address the server listens on (known once it started, before
        // the first request): `dotnet run --urls http://0.0.0.0:8080` then links to http://localhost:8080.
        installation = new(() => string.IsNullOrWhiteSpace(configured)
            ? Parse(Listening(server)) ?? new Uri(Fallback)
            : Parse(configured) ?? throw new InvalidOperationException($"Learning:BaseUrl must be an absolute http or https address, not '{configured}'."));
    }

    /// <summary>The installation's base URL: the default tenant's, and that of tenants found by path segment.</summary>
    public string InstallationBaseUrl => Origin(installation.Value);

    /// <summary>Scheme, host and port of the tenant's links, without a trailing slash; a tenant found by path
    /// segment shares the installation's, its prefix being part of every local path.</summary>
    public string BaseUrl(Tenant tenant)
    {
        if (Parse(tenant.BaseUrl) is { } own)
        {
            return Origin(own);
        }

        return string.IsNullOrEmpty(tenant.HostName)
            ? Origin(installation.Value)
            : Origin(new UriBuilder(installation.Value) { Host = tenant.HostName }.Uri);
    }

    /// <summary>Whether the site answers this host: the base URLs' hosts, the tenants' host names and the extra hosts.</summary>
    public bool Answers(HostString host)
    {
        var name = host.Host;
        return Same(name, installation.Value.Host)
               || extraHosts.Any(h => Same(name, h))
               || registry.All.Any(t => Same(name, t.HostName) || Same(name, Parse(t.BaseUrl)?.Host));
    }

    public static Uri? Parse(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;

    /// <summary>An address a browser on this machine can open, from the first one the server listens on
    /// ("http://0.0.0.0:8080" becomes "http://localhost:8080").</summary>
    public static string? Listening(IServer? server) =>
        server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/')
            .Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost");

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

    private static bool Same(string host, string? other) =>
        !string.IsNullOrEmpty(other) && string.Equals(host.Trim('[', ']'), other.Trim().Trim('[', ']'), StringComparison.OrdinalIgnoreCase);
}
