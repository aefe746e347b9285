using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Learning.Modules.Accounts.Pages;

[AllowAnonymous]
[EnableRateLimiting(AccountsModule.AccountPostsLimit)]
public sealed class ResendConfirmationModel(UserManager<LearningUser> users, AccountEmails emails, LearningDbContext db) : EmailedLinkRequestModel(users, db)
{
    protected override async Task<bool> QueueLinkAsync(LearningUser user)
    {
        if (user.EmailConfirmed)
        {
            return false;
        }

        var token = await Users.GenerateEmailConfirmationTokenAsync(user);
        emails.QueueConfirmation(user, AccountLinks.WithToken(Request, user.PreferredCulture, "account/confirm", user.Id, token));
        return true;
    }
}
