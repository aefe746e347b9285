using Learning.Modules.Core;
using Learning.Modules.Core.Jobs;
using Learning.Modules.Core.Navigation;
using Learning.Modules.Core.PersonalData;
using Learning.Modules.Core.Security;
using Learning.Modules.Reporting.Dashboard;
using Learning.Modules.Reporting.Facts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Reporting;

/// <summary>
/// Figures for administrators and funders, read from every feature's contracts: the impact dashboard and its
/// funder report, and the item analysis of the validation tests' questions. Figures about learners are read from
/// Reporting's own facts, which a job brings up to date from the features every few minutes.
/// </summary>
public sealed class ReportingModule : ILearningModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection($"{LearningOptions.Section}:Reporting");
        services.Configure<ReportingOptions>(section);
        services.AddScoped<FactsRefresh>();
        services.AddScoped<ImpactDashboard>();
        services.AddScoped<BankAnalyses>();
        services.AddSingleton<ReportCache>();
        services.AddSingleton<FactsSnapshots>();
        services.AddScoped<IPersonalDataProvider, ReportingPersonalData>();

        services.AddSingleton<FactsRefreshLock>();

        // The first run waits one interval: the dashboard refreshes stale facts itself when it is opened.
        var interval = TimeSpan.FromMinutes(Math.Max(1, section.GetValue("RefreshIntervalMinutes", new ReportingOptions().RefreshIntervalMinutes)));
        services.AddTenantJob<RefreshFactsJob>("reporting-facts", interval, firstRunAfter: interval);

        services.AddSingleton(new NavigationItem("Impact", "admin/reports", 104, typeof(ReportingStrings), Roles.AdministratorPolicy));
        services.AddSingleton(new NavigationItem("Question statistics", "admin/reports/questions", 107, typeof(ReportingStrings), Roles.AdministratorPolicy));
    }

    public void ConfigureModel(ModelBuilder model) => model.MapFacts();
}
