using System.ComponentModel.DataAnnotations;
using Learning.Modules.Core;
using Learning.Modules.Core.PersonalData;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Learning.Modules.Accounts.Pages;

/// <summary>Download everything the platform holds about me; delete my account.</summary>
[EnableRateLimiting(AccountsModule.AccountPostsLimit)]
public sealed class PersonalDataModel(
    UserManager<LearningUser> users,
    SignInManager<LearningUser> signIn,
    AccountErasure erasure,
    PersonalDataArchive archive,
    TenantContext tenant,
    TimeProvider clock,
    IStringLocalizer<AccountsStrings> S) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "This field is required.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    /// <summary>Whether the person's certificates answer "revoked" from now on, rather than staying genuine for whoever
    /// verifies them.</summary>
    [BindProperty]
    public bool RevokeCertificates { get; set; }

    public void OnGet()
    {
    }

    /// <summary>A zip streamed to the person: a JSON file per kind of data and a readable index in their language.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        Response.ContentType = PersonalDataArchive.ContentType;
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = PersonalDataArchive.FileName(clock.GetUtcNow().UtcDateTime) }.ToString();
        Response.Headers.CacheControl = "no-store";
        await archive.WriteAsync(userId, tenant.Tenant.DisplayName, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // A box that was not the page's (not "true" or "false"): a forged form, which the page cannot show again.
        if (ModelState.GetFieldValidationState(nameof(RevokeCertificates)) == ModelValidationState.Invalid)
        {
            return BadRequest();
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
        if (!await erasure.EraseAsync(user, new ErasureChoices(RevokeCertificates), cancellationToken))
        {
            ModelState.AddModelError(string.Empty, S["Something went wrong. Please try again."]);
            return Page();
        }

        await signIn.SignOutAsync();
        return Redirect($"{Request.PathBase}/{Cultures.Current}/account/deleted");
    }
}
