using System.ComponentModel.DataAnnotations;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Accounts.Pages;

[EnableRateLimiting(AccountsModule.AccountPostsLimit)]
public sealed class ChangePasswordModel(UserManager<LearningUser> users, SignInManager<LearningUser> signIn, IStringLocalizer<AccountsStrings> S) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "This field is required.")]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "This field is required.")]
    [StringLength(200, ErrorMessage = "This is too long: {1} characters at most.")]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
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

        // A wrong current password counts toward the lockout, as at login: a session left open is not a
        // way to guess the password. Once locked, the session ends.
        var check = await signIn.CheckPasswordSignInAsync(user, CurrentPassword, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            await users.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return Redirect(CultureLinks.Path(Request, Cultures.Current, "account/login"));
        }

        if (!check.Succeeded)
        {
            ModelState.AddModelError(string.Empty, S["The password is incorrect."]);
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        // The security stamp changed: this device stays signed in, others are signed out.
        await signIn.RefreshSignInAsync(user);
        Changed = true;
        return Page();
    }
}
