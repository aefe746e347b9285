using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Learning.Modules.Accounts.Pages;

[AllowAnonymous]
[EnableRateLimiting(AccountsModule.AccountPostsLimit)]
public sealed class ForgotPasswordModel(UserManager<LearningUser> users, AccountEmails emails, LearningDbContext db) : EmailedLinkRequestModel(users, db)
{
    protected override async Task<bool> QueueLinkAsync(LearningUser user)
    {
        var token = await Users.GeneratePasswordResetTokenAsync(user);
        emails.QueuePasswordReset(user, AccountLinks.WithToken(Request, user.PreferredCulture, "account/reset-password", user.Id, token));
        return true;
    }
}
