using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Community.Privacy;

/// <summary>The tenant's privacy notice in each culture: its administrators' text, or the default one.</summary>
public sealed class PrivacyNotices(LearningDbContext db, DefaultPrivacyNotice defaults, TenantContext tenant, TimeProvider clock)
{
    /// <summary>The notice a reader sees in a culture: Markdown, and when an administrator last saved it (null: the default).</summary>
    public async Task<(string Markdown, DateTime? UpdatedUtc)> ForAsync(string culture, CancellationToken cancellationToken)
    {
        var own = await db.PrivacyNotices.AsNoTracking().SingleOrDefaultAsync(n => n.Culture == culture, cancellationToken);
        return own is null ? (Default(culture), null) : (own.Markdown, DateTime.SpecifyKind(own.UpdatedUtc, DateTimeKind.Utc));
    }

    public string Default(string culture) => defaults.Markdown(culture, tenant.Tenant.DisplayName);

    /// <summary>When each culture's own notice was saved; cultures without one are missing.</summary>
    public async Task<Dictionary<string, DateTime>> EditedAsync(CancellationToken cancellationToken) =>
        await db.PrivacyNotices.AsNoTracking().ToDictionaryAsync(n => n.Culture, n => DateTime.SpecifyKind(n.UpdatedUtc, DateTimeKind.Utc), cancellationToken);

    public async Task SaveAsync(string culture, string markdown, string userId, CancellationToken cancellationToken)
    {
        if (!Cultures.IsSupported(culture))
        {
            throw new ArgumentOutOfRangeException(nameof(culture));
        }

        var notice = await db.PrivacyNotices.SingleOrDefaultAsync(n => n.Culture == culture, cancellationToken);
        if (notice is null)
        {
            notice = new PrivacyNotice { Culture = culture, Markdown = markdown };
            db.PrivacyNotices.Add(notice);
        }

        notice.Markdown = markdown;
        notice.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        notice.UpdatedBy = userId;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Goes back to the default notice in a culture.</summary>
    public Task ResetAsync(string culture, CancellationToken cancellationToken) =>
        db.PrivacyNotices.Where(n => n.Culture == culture).ExecuteDeleteAsync(cancellationToken);
}
