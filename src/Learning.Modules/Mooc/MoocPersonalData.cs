using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Mooc;

/// <summary>The course's part of "download my data" and of deleting an account: enrolment, activity progress and the
/// reminders e-mailed.</summary>
public sealed class MoocPersonalData(LearningDbContext db, IStringLocalizer<MoocStrings> S) : IPersonalDataProvider
{
    public string Section => "course";

    public string Title => S["Course"];

    public string? Description => S["Your enrolment in the course, where you stopped, each activity you tried (how many tries, when, and when you completed it), and the reminders e-mailed to you."];

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().Where(e => e.UserId == userId)
            .Select(e => new { e.EnrolledUtc, e.LastPart, e.LastActivity, e.LastSeenUtc, e.SuggestedParts }).SingleOrDefaultAsync(cancellationToken);
        var activities = await db.ActivityProgress.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.ActivityId)
            .Select(p => new { p.Part, p.ActivityId, p.Tries, p.LastTriedUtc, p.CompletedUtc }).ToListAsync(cancellationToken);
        var reminders = await db.RemindersSent.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.SentUtc)
            .Select(r => new { r.SentUtc, r.Part, r.Activity }).ToListAsync(cancellationToken);
        return enrolment is null && activities.Count == 0 && reminders.Count == 0 ? null : new { enrolment, activities, reminders };
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        await db.RemindersSent.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ActivityProgress.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Enrolments.Where(e => e.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
