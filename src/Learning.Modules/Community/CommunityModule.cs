using Learning.Modules.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Community;

/// <summary>Learners together: no trainer ever intervenes, so learners talk to each other and to partner editors,
/// and share their own practices for the toolbox.</summary>
public sealed class CommunityModule : ILearningModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void ConfigureModel(ModelBuilder model)
    {
    }
}
