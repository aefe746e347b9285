using Learning.Modules.Core;
using Learning.Modules.Core.Navigation;
using Learning.Modules.Core.Scale;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Assessment;

/// <summary>Question banks (GIFT, Moodle XML), scoring, and validation tests with saved attempts.</summary>
public sealed class AssessmentModule : ILearningModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AssessmentOptions>(configuration.GetSection($"{LearningOptions.Section}:Assessment"));
        services.AddScoped<QuestionBanks>();
        services.OnClusterSignal(QuestionBanks.Channel, QuestionBanks.ForgetHere);
        services.AddScoped<BankImport>();
        services.AddScoped<Examiner>();
        services.AddScoped<Contracts.TestCenter>();
        services.AddScoped<Contracts.TestResults>();
        services.AddScoped<Contracts.AttemptOutcomes>();
        services.AddScoped<Core.PersonalData.IPersonalDataProvider, AssessmentPersonalData>();
        services.AddSingleton(new NavigationItem("Question banks", "editor/banks", 95, typeof(AssessmentStrings), Roles.EditorPolicy));
        services.AddSingleton(new NavigationItem("Learners", "admin/attempts", 105, typeof(AssessmentStrings), Roles.AdministratorPolicy));
    }

    public void ConfigureModel(ModelBuilder model) => model
        .ApplyConfiguration(new BankQuestionConfiguration())
        .ApplyConfiguration(new AttemptConfiguration())
        .ApplyConfiguration(new AttemptAnswerConfiguration());
}
