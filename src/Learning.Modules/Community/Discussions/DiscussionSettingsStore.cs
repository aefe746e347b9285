using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Community.Discussions;

/// <summary>The tenant's discussion settings: the defaults (open to visitors, nothing held, a former member's text kept)
/// until an administrator saves them.</summary>
public sealed class DiscussionSettingsStore(LearningDbContext db)
{
    public async Task<DiscussionSettings> GetAsync(CancellationToken cancellationToken) =>
        await db.DiscussionSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == DiscussionSettings.SingleId, cancellationToken) ?? new DiscussionSettings();

    public async Task SaveAsync(bool membersOnly, bool holdFirstMessages, bool removeErasedContent, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var settings = await db.DiscussionSettings.SingleOrDefaultAsync(s => s.Id == DiscussionSettings.SingleId, cancellationToken);
        if (settings is null)
        {
            settings = new DiscussionSettings();
            db.DiscussionSettings.Add(settings);
        }

        settings.MembersOnly = membersOnly;
        settings.HoldFirstMessages = holdFirstMessages;
        settings.RemoveErasedContent = removeErasedContent;
        settings.UpdatedUtc = nowUtc;
        await db.SaveChangesAsync(cancellationToken);
    }
}
