using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Community.Sharing;

/// <summary>
/// Shared practices in "download my data" and in deleting an account. The export holds the person's submissions and their
/// threads (the editors' messages name no editor). Erasure removes the credit and the person's link to each submission,
/// and their own messages; the practice, once shared, stays the tenant's, and the editors' messages stay with it. An
/// editor who leaves keeps their messages in the threads, no longer linked to them.
/// </summary>
public sealed class SharingPersonalData(LearningDbContext db, ContentPublisher publisher, SharedPractices sharing) : IPersonalDataProvider
{
    public string Section => "shared-practices";

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var submissions = await db.PracticeSubmissions.AsNoTracking().Include(s => s.Messages)
            .Where(s => s.UserId == userId).OrderBy(s => s.CreatedUtc).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var written = await db.SubmissionMessages.AsNoTracking()
            .Where(m => m.AuthorId == userId && m.FromEditor).OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id)
            .Select(m => new { m.SubmissionId, m.Text, m.CreatedUtc }).ToListAsync(cancellationToken);
        if (submissions.Count == 0 && written.Count == 0)
        {
            return null;
        }

        // The status as the person sees it on their page (published is read from the practice).
        var statuses = (await sharing.ViewsAsync(submissions, Cultures.Default, cancellationToken)).ToDictionary(v => v.Submission.Id, v => v.Status);
        return new
        {
            Submissions = submissions.Select(s => new
            {
                s.Title, s.Culture, s.SetId, Status = statuses[s.Id].ToString(), s.CreditByName, s.DeclineReason, s.CreatedUtc, s.UpdatedUtc,
                Messages = s.Messages.OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id)
                    .Select(m => new { From = m.FromEditor ? "editors" : "you", m.Text, m.CreatedUtc }).ToList(),
            }).ToList(),
            MessagesAsEditor = written,
        };
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var credited = await db.PracticeSubmissions.AnyAsync(s => s.UserId == userId && s.CreditByName, cancellationToken);
        var own = db.PracticeSubmissions.Where(s => s.UserId == userId).Select(s => s.Id);
        await db.SubmissionMessages.Where(m => m.AuthorId == userId && !m.FromEditor && own.Contains(m.SubmissionId)).ExecuteDeleteAsync(cancellationToken);
        await db.SubmissionMessages.Where(m => m.AuthorId == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.AuthorId, (string?)null), cancellationToken);
        await db.PracticeSubmissions.Where(s => s.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UserId, (string?)null).SetProperty(x => x.CreditByName, false), cancellationToken);
        if (credited)
        {
            // Visitors' cached sheets showed the name.
            await publisher.EvictCachedPagesAsync(cancellationToken);
        }
    }
}
