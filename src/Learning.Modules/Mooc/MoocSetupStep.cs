using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Content;
using Learning.Modules.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Mooc;

/// <summary>The recipe's step for the course's tests: the GIFT files of the content folder's mooc/ become the
/// tenant's question banks (after the content step has imported the parts).</summary>
public sealed class MoocSetupStep(IOptions<ContentOptions> options, IHostEnvironment environment) : ITenantSetupStep
{
    public int Order => 25;

    public async Task RunAsync(TenantSetupContext context, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(options.Value.FolderPath(environment), "mooc");
        if (!Directory.Exists(folder))
        {
            return;
        }

        var errors = await context.Services.GetRequiredService<TestCenter>().ImportBanksAsync(folder, cancellationToken);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The question banks could not be imported:\n" + string.Join("\n", errors));
        }
    }
}
