using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Core.Security;

/// <summary>
/// Who may read /health's details (tenants, databases): the installation's administrators and callers from the
/// networks of <see cref="LearningOptions.HealthDetailsFrom"/>. Everyone else gets a bare status, and no
/// tenant's database is opened for them.
/// </summary>
public sealed class HealthDetailsAccess(IOptions<LearningOptions> options)
{
    /// <summary>Tag of the checks run only for those who see the details.</summary>
    public const string DetailsTag = "details";

    private readonly IReadOnlyList<IPNetwork> networks = options.Value.HealthDetailsFrom.Select(ParseNetwork).ToList();

    public async Task<bool> AllowsAsync(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is { } address)
        {
            var caller = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            if (networks.Any(n => n.Contains(caller)))
            {
                return true;
            }
        }

        return context.User.Identity?.IsAuthenticated == true
               && (await context.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(context.User, context, CoreModule.InstallationAdministratorPolicy)).Succeeded;
    }

    private static IPNetwork ParseNetwork(string text) =>
        text.Contains('/') ? IPNetwork.Parse(text) : new IPNetwork(IPAddress.Parse(text), IPAddress.Parse(text).GetAddressBytes().Length * 8);
}
