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
