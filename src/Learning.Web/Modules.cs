using Learning.Modules.Accounts;
using Learning.Modules.Assessment;
using Learning.Modules.Certificates;
using Learning.Modules.Community;
using Learning.Modules.Content;
using Learning.Modules.Toolbox;
using Learning.Modules.Tutorials;
using Learning.Modules.Core;
using Learning.Modules.Data;
using Learning.Modules.Feedback;
using Learning.Modules.Mooc;
using Learning.Modules.Reporting;

namespace Learning.Web;

/// <summary>The platform's modules, in the order they register. Removing a line removes the feature.</summary>
public static class Modules
{
    public static readonly IReadOnlyList<ILearningModule> All =
    [
        new CoreModule(),
        new DataModule(),
        new AccountsModule(),
        new ContentModule(),
        new ToolboxModule(),
        new TutorialsModule(),
        new AssessmentModule(),
        new CertificatesModule(),
        new MoocModule(),
        new FeedbackModule(),
        new CommunityModule(),
        new ReportingModule(),
    ];
}
