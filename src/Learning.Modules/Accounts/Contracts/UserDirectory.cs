using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Accounts.Contracts;

/// <summary>
/// What other modules may know of the tenant's people: names, e-mail, language and organisation, by id,
/// and who matches a search. Their pages join these to their own rows by user id. Reporting reads the profiles
/// changed since its last run.
/// </summary>
public sealed class UserDirectory(LearningDbContext db)
{
    public async Task<UserSummary?> FindAsync(string userId, CancellationToken cancellationToken) =>
        (await FindAsync([userId], cancellationToken)).GetValueOrDefault(userId);

    public async Task<IReadOnlyDictionary<string, UserSummary>> FindAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new UserSummary(u.Id, u.DisplayName, u.Email ?? "", u.PreferredCulture, u.Organisation, u.Country, u.Profession, u.StructureId))
            .ToDictionaryAsync(u => u.Id, cancellationToken);

    /// <summary>Those of these people whom features may e-mail (reminders, notifications): accounts that exist (deleted ones
    /// are gone) with a confirmed address; unknown and unconfirmed ids are left out. 1,000 ids a query.</summary>
    public async Task<IReadOnlyDictionary<string, UserContact>> ContactsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var contacts = new Dictionary<string, UserContact>(StringComparer.Ordinal);
        foreach (var batch in userIds.Distinct().Chunk(1000))
        {
            foreach (var contact in await db.Users.AsNoTracking().Where(u => batch.Contains(u.Id) && u.EmailConfirmed && u.Email != null)
                         .Select(u => new UserContact(u.Id, u.DisplayName, u.Email!, u.PreferredCulture)).ToListAsync(cancellationToken))
            {
                contacts[contact.Id] = contact;
            }
        }

        return contacts;
    }

    /// <summary>The ids of the people whose e-mail or name contains the term, whatever its case.</summary>
    public async Task<IReadOnlyList<string>> SearchAsync(string term, CancellationToken cancellationToken)
    {
        var upper = term.Trim().ToUpperInvariant();
        return await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.ToUpper().Contains(upper))
            .Select(u => u.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The people whose profile changed at or after <paramref name="sinceUtc"/> (registered, saved, or moved by
    /// an administrator's merge or match), each once; the bound is inclusive, so a run that starts where the last one
    /// ended misses nobody.</summary>
    public async Task<IReadOnlyList<string>> ProfilesChangedSinceAsync(DateTime sinceUtc, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.ProfileChangedUtc >= sinceUtc).Select(u => u.Id).ToListAsync(cancellationToken);

    /// <summary>The profiles of these people (unknown ids are left out), read 1,000 ids a query.</summary>
    public async Task<IReadOnlyList<LearnerProfile>> ProfilesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var profiles = new List<LearnerProfile>(userIds.Count);
        var learnerRole = db.Roles.Where(r => r.Name == Roles.Learner).Select(r => r.Id);
        var userRoles = db.UserRoles;
        foreach (var batch in userIds.Distinct().Chunk(1000))
        {
            profiles.AddRange(await db.Users.AsNoTracking().Where(u => batch.Contains(u.Id))
                .Select(u => new LearnerProfile(u.Id, u.CreatedUtc, u.ProfileChangedUtc, u.PreferredCulture, u.StructureId, u.Country, u.Profession,
                    userRoles.Any(r => r.UserId == u.Id && learnerRole.Contains(r.RoleId))))
                .ToListAsync(cancellationToken));
        }

        return profiles;
    }
}
