using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Core.Scale;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Mooc;

/// <summary>A graded test changes the learner's progress bars: their state is read afresh. Handing in a test is also
/// activity in the course: reminders count from it.</summary>
public sealed class ProgressOnSubmission(ClusterSignals signals, TenantContext tenantContext, LearningDbContext db, TimeProvider clock) : ITestSubmittedHandler
{
    public async Task OnSubmittedAsync(TestSubmitted submitted, CancellationToken cancellationToken)
    {
        if (PartTests.PartOf(submitted.Bank) is not null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Enrolments.Where(e => e.UserId == submitted.UserId).ExecuteUpdateAsync(s => s.SetProperty(e => e.LastSeenUtc, now), cancellationToken);
        }

        await CourseProgress.ForgetAsync(signals, tenantContext.Tenant.Name, submitted.UserId);
    }
}
