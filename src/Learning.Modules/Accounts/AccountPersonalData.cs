using System.Reflection;
using Learning.Modules.Core.Email;
using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Accounts;

/// <summary>The account's part of "download my data": profile, structure, roles, and the e-mails sent to the person.
/// Erasing the e-mails and the proposals nobody else chose is this module's part of deleting an account; Identity
/// deletes the rest.</summary>
public sealed class AccountPersonalData(UserManager<LearningUser> users, EmailOutbox outbox, LearningDbContext db, Structures structures, IStringLocalizer<AccountsStrings> S) : IPersonalDataProvider
{
    public string Section => "account";

    public string Title => S["Account"];

    public string? Description => S["Your profile (name, e-mail address, organisation, country, profession, language), your structure and the structures you proposed, your roles, and the e-mails the platform sent you."];

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
        // The structure chosen (by its name, kind and place, not only its id), and those the person proposed.
        var structure = await db.Structures.AsNoTracking().Where(s => s.Id == user.StructureId)
            .Select(s => new { s.Id, s.Name, s.Type, s.Municipality, s.Country, Status = s.Status.ToString() }).SingleOrDefaultAsync(cancellationToken);
        var proposed = await db.Structures.AsNoTracking().Where(s => s.ProposedBy == userId).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.Type, s.Municipality, s.Country, Status = s.Status.ToString(), s.CreatedUtc }).ToListAsync(cancellationToken);
        return new { profile, structure, proposedStructures = proposed, roles = await users.GetRolesAsync(user), emails };
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId) is { Email: { } email })
        {
            await outbox.EraseSentToAsync(email, cancellationToken);
        }

        await structures.ForgetProposerAsync(userId, cancellationToken);
    }
}
