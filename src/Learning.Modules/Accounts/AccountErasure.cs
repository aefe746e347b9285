using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Accounts;

/// <summary>
/// Deletes an account and everything every module holds about the person, in one transaction: each provider erases
/// its part (Accounts' own first, while the account still exists to be read), then Identity deletes the account, its
/// roles, claims and tokens. Any failure rolls everything back and leaves the account whole. "Delete my account"
/// and the retention job both come here.
/// </summary>
public sealed class AccountErasure(UserManager<LearningUser> users, IEnumerable<IPersonalDataProvider> providers, LearningDbContext db)
{
    /// <summary>Erases the person; false (and nothing changed) when Identity refuses to delete the account.</summary>
    public async Task<bool> EraseAsync(LearningUser user, ErasureChoices choices, CancellationToken cancellationToken)
    {
        // The providers' set-based deletes and Identity's SaveChanges share the context's connection, so one
        // transaction holds them all (SQLite and PostgreSQL alike).
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                foreach (var provider in providers)
                {
                    await provider.EraseAsync(user.Id, choices, cancellationToken);
                }

                var deleted = await users.DeleteAsync(user);
                if (!deleted.Succeeded)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    return false;
                }

                await transaction.CommitAsync(cancellationToken);
                return true;
            }
            catch
            {
                db.ChangeTracker.Clear(); // the transaction rolls back as it is disposed
                throw;
            }
        });
    }
}
