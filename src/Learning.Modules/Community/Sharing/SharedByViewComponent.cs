using Learning.Modules.Accounts.Contracts;
using Learning.Modules.Content.ContentAsides;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Community.Sharing;

/// <summary>
/// The names of the learners who shared a practice and agreed to be credited. What it shows is the same for every reader
/// (no form, nothing about the reader), so visitors' cached pages may hold it; giving or withdrawing a credit, and erasing
/// an account, evict them.
/// </summary>
public sealed class SharedByViewComponent(LearningDbContext db, UserDirectory directory) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ContentSubject subject)
    {
        if (subject.Kind != SharedPractices.PracticeTypeName)
        {
            return Content("");
        }

        var cancellationToken = HttpContext.RequestAborted;
        // The first to share it first; a learner who shared it twice, once.
        var people = (await db.PracticeSubmissions.AsNoTracking()
            .Where(s => s.SetId == subject.SetId && s.CreditByName && s.UserId != null)
            .OrderBy(s => s.CreatedUtc).ThenBy(s => s.Id).Select(s => s.UserId!).ToListAsync(cancellationToken)).Distinct().ToList();
        if (people.Count == 0)
        {
            return Content("");
        }

        var found = await directory.FindAsync(people, cancellationToken);
        var names = people.Select(id => found.GetValueOrDefault(id)?.DisplayName).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).ToList();
        return names.Count == 0 ? Content("") : View("/Community/Sharing/Views/SharedBy.cshtml", names);
    }
}
