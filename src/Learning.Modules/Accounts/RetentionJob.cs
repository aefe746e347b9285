using Learning.Modules.Core;
using Learning.Modules.Core.Email;
using Learning.Modules.Core.Jobs;
using Learning.Modules.Core.PersonalData;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Accounts;

/// <summary>
/// Keeps personal data no longer than the privacy notice says, in each running tenant: accounts whose address was
/// never confirmed are deleted after <see cref="AccountsOptions.DeleteUnconfirmedAfterDays"/> (through
/// <see cref="AccountErasure"/>, as if their owner had deleted them), and e-mails leave the outbox
/// <see cref="EmailSettings.KeepSentDays"/> after they were sent.
/// </summary>
public sealed class RetentionJob(TimeProvider clock, IOptions<AccountsOptions> accounts, IOptions<LearningOptions> learning, ILogger<RetentionJob> logger)
    : ITenantJob
{
    public async Task RunAsync(Tenant tenant, IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var (accountsDeleted, emailsDeleted) = await RunAsync(tenantServices, cancellationToken);
        if (accountsDeleted + emailsDeleted > 0)
        {
            logger.LogInformation("Retention in {Tenant}: {Accounts} unconfirmed accounts and {Emails} old e-mails deleted.", tenant.Name, accountsDeleted, emailsDeleted);
        }
    }

    /// <summary>Runs the retention in one tenant's scope; returns how many accounts and e-mails were deleted.</summary>
    public async Task<(int Accounts, int Emails)> RunAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var db = tenantServices.GetRequiredService<LearningDbContext>();
        var users = tenantServices.GetRequiredService<UserManager<LearningUser>>();
        var erasure = tenantServices.GetRequiredService<AccountErasure>();

        var registeredBefore = DateTime.SpecifyKind(now.AddDays(-accounts.Value.DeleteUnconfirmedAfterDays), DateTimeKind.Utc);
        var stale = await db.Users.Where(u => !u.EmailConfirmed && u.CreatedUtc < registeredBefore).OrderBy(u => u.CreatedUtc).Select(u => u.Id).ToListAsync(cancellationToken);
        var deleted = 0;
        foreach (var id in stale)
        {
            // Read again one by one: the person may have confirmed meanwhile. An administrator is never removed by a job.
            var user = await users.FindByIdAsync(id);
            if (user is null || user.EmailConfirmed || await users.IsInRoleAsync(user, Roles.Administrator))
            {
                continue;
            }

            if (await erasure.EraseAsync(user, ErasureChoices.Default, cancellationToken))
            {
                deleted++;
            }
        }

        var emails = await tenantServices.GetRequiredService<EmailOutbox>().DeleteOldAsync(now.AddDays(-learning.Value.Email.KeepSentDays), cancellationToken);
        return (deleted, emails);
    }
}
