using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Mooc.Contracts;

/// <summary>What reports may know of the reminders e-mailed to inactive learners.</summary>
public sealed class ReminderFacts(LearningDbContext db)
{
    /// <summary>How many reminders were sent from <paramref name="fromUtc"/> (included) to <paramref name="toUtc"/> (excluded).</summary>
    public Task<int> CountSentAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var from = DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc);
        var to = DateTime.SpecifyKind(toUtc, DateTimeKind.Utc);
        return db.RemindersSent.AsNoTracking().CountAsync(r => r.SentUtc >= from && r.SentUtc < to, cancellationToken);
    }
}
