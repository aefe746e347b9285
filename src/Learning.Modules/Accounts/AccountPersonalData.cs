using System.Reflection;
using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Accounts;

/// <summary>The account's part of "download my data": profile, roles, and the e-mails sent to the person.
/// Erasing the e-mails is this module's part of deleting an account; Identity deletes the rest.</summary>
public sealed class AccountPersonalData(LearningDbContext db, UserManager<LearningUser> users) : IPersonalDataProvider
{
    public string Section => "account";

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }

        var profile = typeof(LearningUser).GetProperties()
            .Where(p => p.GetCustomAttribute<PersonalDataAttribute>() is not null)
            .ToDictionary(p => p.Name, p => p.GetValue(user));
        var emails = await db.OutboxMessages
            .Where(m => m.To == user.Email)
            .OrderBy(m => m.Id)
            .Select(m => new { m.Subject, m.CreatedUtc, m.SentUtc, m.TextBody })
            .ToListAsync(cancellationToken);
        return new { profile, roles = await users.GetRolesAsync(user), emails };
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        await db.OutboxMessages.Where(m => m.To == email).ExecuteDeleteAsync(cancellationToken);
    }
}
