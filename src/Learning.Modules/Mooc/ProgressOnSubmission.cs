using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Core.Tenancy;
using Microsoft.Extensions.Caching.Memory;

namespace Learning.Modules.Mooc;

/// <summary>A graded test changes the learner's progress bars: their state is read afresh.</summary>
public sealed class ProgressOnSubmission(IMemoryCache cache, TenantContext tenantContext) : ITestSubmittedHandler
{
    public Task OnSubmittedAsync(TestSubmitted submitted, CancellationToken cancellationToken)
    {
        cache.Remove(CourseProgress.Key(tenantContext.Tenant.Name, submitted.UserId));
        return Task.CompletedTask;
    }
}
