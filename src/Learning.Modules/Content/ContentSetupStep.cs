using Learning.Modules.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Content;

/// <summary>The recipe's content step: a new tenant starts with the installation's content folder.</summary>
public sealed class ContentSetupStep(IOptions<ContentOptions> options, IHostEnvironment environment) : ITenantSetupStep
{
    public int Order => 20;

    public async Task RunAsync(TenantSetupContext context, CancellationToken cancellationToken)
    {
        var folder = options.Value.FolderPath(environment);
        if (!Directory.Exists(folder))
        {
            return; // an installation without a content folder starts empty
        }

        var result = await context.Services.GetRequiredService<ContentImporter>().ImportFolderAsync(folder, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The content folder could not be imported:\n" + string.Join("\n", result.Errors));
        }
    }
}

/// <summary>Settings of the "Learning:Content" section.</summary>
public sealed class ContentOptions
{
    /// <summary>The folder imported when a tenant is set up; relative paths start at the content root
    /// (the repository's content/ when run with <c>dotnet run --project src/Learning.Web</c>).</summary>
    public string Folder { get; set; } = "../../content";

    public string FolderPath(IHostEnvironment environment) => Path.GetFullPath(Path.Combine(environment.ContentRootPath, Folder));
}
