using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Learning.Modules.Core;
using Learning.Modules.Core.PersonalData;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Accounts.Pages;

/// <summary>Download everything the platform holds about me; delete my account.</summary>
[EnableRateLimiting(AccountsModule.AccountPostsLimit)]
public sealed class PersonalDataModel(
    UserManager<LearningUser> users,
    SignInManager<LearningUser> signIn,
    IEnumerable<IPersonalDataProvider> providers,
    LearningDbContext db,
    TimeProvider clock,
    IStringLocalizer<AccountsStrings> S) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [BindProperty]
    [Required(ErrorMessage = "This field is required.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var export = new Dictionary<string, object?> { ["exportedUtc"] = clock.GetUtcNow().UtcDateTime };
        foreach (var provider in providers)
        {
            export[provider.Section] = await provider.ExportAsync(userId, cancellationToken);
        }

        return File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json", "personal-data.json");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // A wrong password counts toward the lockout, as at login; once locked, the session ends.
        var check = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            await users.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return Redirect($"{Request.PathBase}/{Cultures.Current}/account/login");
        }

        if (!check.Succeeded)
        {
            ModelState.AddModelError(nameof(Password), S["The password is incorrect."]);
            return Page();
        }

        if (await users.IsInRoleAsync(user, Roles.Administrator) && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count == 1)
        {
            ModelState.AddModelError(string.Empty, S["You are the only administrator. Give the role to someone else before deleting your account."]);
            return Page();
        }

        // Every module erases what it holds, then the account goes, all or nothing.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var provider in providers)
            {
                await provider.EraseAsync(user.Id, cancellationToken);
            }

            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded)
            {
                ModelState.AddModelError(string.Empty, S["Something went wrong. Please try again."]);
                return Page();
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await signIn.SignOutAsync();
        return Redirect($"{Request.PathBase}/{Cultures.Current}/account/deleted");
    }
}
