using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Core.Tenancy;

/// <summary>
/// Where each tenant is reached, from the configuration and the registry and never from a request's Host
/// header, which anyone can forge: the one source of absolute links and of the hosts the site answers.
/// </summary>
public sealed class TenantAddresses
{
    private readonly TenantRegistry registry;
    private readonly Uri installation;
    private readonly IReadOnlyList<string> extraHosts;

    public TenantAddresses(TenantRegistry registry, IOptions<LearningOptions> options)
    {
        this.registry = registry;
        installation = Parse(options.Value.BaseUrl)
            ?? throw new InvalidOperationException($"Learning:BaseUrl must be an absolute http or https address, not '{options.Value.BaseUrl}'.");
        extraHosts = options.Value.ExtraHosts;
    }

    /// <summary>Scheme, host and port of the tenant's links, without a trailing slash; a tenant found by path
    /// segment shares the installation's, its prefix being part of every local path.</summary>
    public string BaseUrl(Tenant tenant)
    {
        if (Parse(tenant.BaseUrl) is { } own)
        {
            return Origin(own);
        }

        return string.IsNullOrEmpty(tenant.HostName)
            ? Origin(installation)
            : Origin(new UriBuilder(installation) { Host = tenant.HostName }.Uri);
    }

    /// <summary>Whether the site answers this host: the base URLs' hosts, the tenants' host names and the extra hosts.</summary>
    public bool Answers(HostString host)
    {
        var name = host.Host;
        return Same(name, installation.Host)
               || extraHosts.Any(h => Same(name, h))
               || registry.All.Any(t => Same(name, t.HostName) || Same(name, Parse(t.BaseUrl)?.Host));
    }

    public static Uri? Parse(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

    private static bool Same(string host, string? other) =>
        !string.IsNullOrEmpty(other) && string.Equals(host.Trim('[', ']'), other.Trim().Trim('[', ']'), StringComparison.OrdinalIgnoreCase);
}
