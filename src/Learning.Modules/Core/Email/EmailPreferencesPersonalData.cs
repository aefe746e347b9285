using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Core.Email;

/// <summary>The lists a person opted out of, in "download my data"; forgotten with the account.</summary>
public sealed class EmailPreferencesPersonalData(LearningDbContext db) : IPersonalDataProvider
{
    public string Section => "emailLists";

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var optOuts = await db.EmailOptOuts.AsNoTracking().Where(o => o.UserId == userId).OrderBy(o => o.List)
            .Select(o => new { o.List, o.OptedOutUtc }).ToListAsync(cancellationToken);
        return optOuts.Count == 0 ? null : new { optedOut = optOuts };
    }

    public Task EraseAsync(string userId, CancellationToken cancellationToken) =>
        db.EmailOptOuts.Where(o => o.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
