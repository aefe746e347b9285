using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Core;

/// <summary>
/// A feature of the platform. Each module is one class that registers everything it brings
/// (services, options, navigation entries, jobs, entities) and maps the endpoints that are not Razor Pages.
/// The host lists modules by hand in <c>Modules.cs</c>: removing a line removes the feature. What lives
/// in a module's namespace (its pages, its migrations) exists only when the module is listed.
/// </summary>
public interface ILearningModule
{
    /// <summary>Registers the module's services, options, navigation entries and jobs.</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Adds the module's middleware to the request pipeline, where the endpoint is known (after routing and
    /// authorization) and before the output cache, so that it also sees the requests the cache answers.</summary>
    void UseMiddleware(IApplicationBuilder app) { }

    /// <summary>Maps endpoints other than the module's Razor Pages (which declare their own routes).</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints) { }

    /// <summary>Maps the module's entities into the tenant's database model (its own tables only).</summary>
    void ConfigureModel(ModelBuilder model) { }
}
