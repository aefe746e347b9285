using Learning.Modules.Core;
using Learning.Modules.Core.Navigation;
using Learning.Modules.Core.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Reporting;

/// <summary>Figures for administrators and funders, read from every feature's contracts; for now, the item
/// analysis of the validation tests' questions. It owns no table.</summary>
public sealed class ReportingModule : ILearningModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new NavigationItem("Question statistics", "admin/reports/questions", 107, typeof(ReportingStrings), Roles.AdministratorPolicy));
    }
}
