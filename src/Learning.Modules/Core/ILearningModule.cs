using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Core;

/// <summary>
/// A feature of the platform. Each module is one class that registers everything it brings
/// (services, options, navigation entries, jobs) and maps the endpoints that are not Razor Pages.
/// The host lists modules by hand in <c>Modules.cs</c>: removing a line removes the feature.
/// </summary>
public interface ILearningModule
{
    /// <summary>Registers the module's services, options, navigation entries and jobs.</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Maps endpoints other than the module's Razor Pages (which declare their own routes).</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}
