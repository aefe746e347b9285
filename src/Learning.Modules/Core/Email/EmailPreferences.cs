using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Core.Email;

/// <summary>Who opted out of which list, in the tenant's database: what features ask before they write to people,
/// what the unsubscribe page and "E-mails I receive" change.</summary>
public sealed class EmailPreferences(LearningDbContext db, TimeProvider clock, IEnumerable<EmailList> lists)
{
    /// <summary>The lists of the listed modules, in registration order.</summary>
    public IReadOnlyList<EmailList> Lists { get; } = lists.ToList();

    public EmailList? FindList(string? key) => Lists.FirstOrDefault(l => l.Key == key);

    public Task<bool> IsOptedOutAsync(string userId, string list, CancellationToken cancellationToken) =>
        db.EmailOptOuts.AnyAsync(o => o.UserId == userId && o.List == list, cancellationToken);

    /// <summary>Those of <paramref name="userIds"/> who opted out of <paramref name="list"/> (1,000 ids a query).</summary>
    public async Task<IReadOnlySet<string>> OptedOutAsync(IReadOnlyCollection<string> userIds, string list, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in userIds.Distinct().Chunk(1000))
        {
            found.UnionWith(await db.EmailOptOuts.AsNoTracking().Where(o => o.List == list && batch.Contains(o.UserId))
                .Select(o => o.UserId).ToListAsync(cancellationToken));
        }

        return found;
    }

    /// <summary>The keys of the lists the person opted out of.</summary>
    public async Task<IReadOnlySet<string>> OptOutsAsync(string userId, CancellationToken cancellationToken) =>
        (await db.EmailOptOuts.AsNoTracking().Where(o => o.UserId == userId).Select(o => o.List).ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>Records the opt-out once, whatever is sent twice (a mail client's one-click POST and the person's own).</summary>
    public async Task OptOutAsync(string userId, string list, CancellationToken cancellationToken)
    {
        if (await IsOptedOutAsync(userId, list, cancellationToken))
        {
            return;
        }

        var optOut = new EmailOptOut { UserId = userId, List = list, OptedOutUtc = clock.GetUtcNow().UtcDateTime };
        db.EmailOptOuts.Add(optOut);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(optOut).State = EntityState.Detached; // recorded by a request at the same moment
        }
    }

    public Task OptInAsync(string userId, string list, CancellationToken cancellationToken) =>
        db.EmailOptOuts.Where(o => o.UserId == userId && o.List == list).ExecuteDeleteAsync(cancellationToken);
}
