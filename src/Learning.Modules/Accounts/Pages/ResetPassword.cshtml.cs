using System.ComponentModel.DataAnnotations;
using Learning.Modules.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Accounts.Pages;

[AllowAnonymous]
[EnableRateLimiting(AccountsModule.AccountPostsLimit)]
public sealed class ResetPasswordModel(UserManager<LearningUser> users, IStringLocalizer<AccountsStrings> S) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "This field is required.")]
    [StringLength(200, ErrorMessage = "This is too long: {1} characters at most.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    /// <summary>Sent here by the first login with a one-time password.</summary>
    [BindProperty(SupportsGet = true)]
    public bool First { get; set; }

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var token = AccountLinks.Decode(Code);
        var user = UserId is null || !TypedTextAttribute.IsTyped(UserId) ? null : await users.FindByIdAsync(UserId);
        if (user is null || token is null)
        {
            ModelState.AddModelError(string.Empty, S["This link is invalid or has expired. Ask for a new one."]);
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        // Whoever asked for the link proved they read the mailbox: a locked account opens again.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await OneTimePassword.ClearAsync(users, user);
        Done = true;
        return Page();
    }
}
