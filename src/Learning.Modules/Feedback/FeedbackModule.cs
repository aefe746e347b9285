using Learning.Modules.Content.ContentAsides;
using Learning.Modules.Core;
using Learning.Modules.Core.Navigation;
using Learning.Modules.Core.PersonalData;
using Learning.Modules.Core.Scale;
using Learning.Modules.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Feedback;

/// <summary>Learners rate and comment practices, tutorials and parts of the course, and answer the end-of-course survey;
/// editors triage each item and reply; Reporting counts what was acted on.</summary>
public sealed class FeedbackModule : ILearningModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedbackOptions>(configuration.GetSection($"{LearningOptions.Section}:Feedback"));
        services.AddScoped<FeedbackSubjects>();
        services.AddScoped<LearnerFeedback>();
        services.OnClusterSignal(LearnerFeedback.Channel, LearnerFeedback.ForgetHere);
        services.AddScoped<Contracts.FeedbackFigures>();
        services.AddScoped<IPersonalDataProvider, FeedbackPersonalData>();
        services.AddSingleton<IContentAside, FeedbackAside>();
        services.AddSingleton(new NavigationItem("Feedback", "editor/feedback", 92, typeof(FeedbackStrings), Roles.EditorPolicy));
    }

    public void ConfigureModel(ModelBuilder model) => model.ApplyConfiguration(new FeedbackItemConfiguration());
}
