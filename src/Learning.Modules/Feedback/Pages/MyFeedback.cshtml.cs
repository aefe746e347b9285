using Learning.Modules.Core;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Feedback.Pages;

/// <summary>"My feedback": everything the signed-in person said, where the editors stand with it, and their replies.</summary>
public sealed class MyFeedbackModel(LearningDbContext db, FeedbackSubjects subjects) : PageModel
{
    public IReadOnlyList<FeedbackItem> Items { get; private set; } = [];

    public IReadOnlyDictionary<(string Kind, string SetId), FeedbackSubject> Subjects { get; private set; } = new Dictionary<(string, string), FeedbackSubject>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        Items = await db.FeedbackItems.AsNoTracking().Where(i => i.UserId == userId)
            .OrderByDescending(i => i.UpdatedUtc).ThenByDescending(i => i.Id).ToListAsync(cancellationToken);
        Subjects = await subjects.FindAsync(Items.Select(i => (i.Kind, i.SetId)), Cultures.Current, cancellationToken);
    }
}
