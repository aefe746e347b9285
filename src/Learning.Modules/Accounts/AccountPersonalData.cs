using System.Reflection;
using Learning.Modules.Core.Email;
using Learning.Modules.Core.PersonalData;
using Microsoft.AspNetCore.Identity;

namespace Learning.Modules.Accounts;

/// <summary>The account's part of "download my data": profile, roles, and the e-mails sent to the person.
/// Erasing the e-mails is this module's part of deleting an account; Identity deletes the rest.</summary>
public sealed class AccountPersonalData(UserManager<LearningUser> users, EmailOutbox outbox) : IPersonalDataProvider
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
        var emails = user.Email is null ? [] : await outbox.SentToAsync(user.Email, cancellationToken);
        return new { profile, roles = await users.GetRolesAsync(user), emails };
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId) is { Email: { } email })
        {
            await outbox.EraseSentToAsync(email, cancellationToken);
        }
    }
}
