using System.ComponentModel.DataAnnotations;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Accounts.Pages;

/// <summary>Logging in tells nobody whether an address has an account: an unknown address, a wrong
/// password and a locked account get the same answer after the same work (one password hash), and
/// "confirm your e-mail" is said only to whoever typed the right password.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsModule.AccountPostsLimit)]
public sealed class LoginModel(SignInManager<LearningUser> signIn, UserManager<LearningUser> users, IStringLocalizer<AccountsStrings> S) : PageModel
{
    // Verified against when the address is unknown, so that it costs what a known address costs.
    private static string? unknownAccountHash;

    [BindProperty]
    [Required(ErrorMessage = "This field is required.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [TypedText] // [EmailAddress] lets a NUL through, which PostgreSQL cannot even look up
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "This field is required.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool NeedsConfirmation { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            // The checkbox posts "true" (and "false"): anything else is a tampered form, which the page cannot show again.
            return ModelState.GetFieldValidationState(nameof(RememberMe)) == ModelValidationState.Invalid ? BadRequest() : Page();
        }

        var user = await users.FindByEmailAsync(Email);
        if (user is null)
        {
            var nobody = new LearningUser();
            unknownAccountHash ??= users.PasswordHasher.HashPassword(nobody, Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(nobody, unknownAccountHash, Password);
            return Refused();
        }

        if (await users.IsLockedOutAsync(user))
        {
            // The same work as any other try, and no failure counted: the lock does not grow.
            users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? "", Password);
            return Refused();
        }

        if (!await users.CheckPasswordAsync(user, Password))
        {
            await users.AccessFailedAsync(user);
            return Refused();
        }

        if (!await signIn.CanSignInAsync(user))
        {
            NeedsConfirmation = true;
            ModelState.AddModelError(string.Empty, S["Please confirm your e-mail address first, with the link we sent you."]);
            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        if (await OneTimePassword.IsMarkedAsync(users, user))
        {
            // A password shown once on a console or a page is not signed in with: its holder chooses their
            // own first, through the reset page and a fresh token, and logs in with it afterwards.
            var token = AccountLinks.Encode(await users.GeneratePasswordResetTokenAsync(user));
            return Redirect(CultureLinks.Path(Request, Cultures.Current, $"account/reset-password?userId={Uri.EscapeDataString(user.Id)}&code={token}&first=true"));
        }

        await signIn.SignInAsync(user, RememberMe);
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : Redirect($"{Request.PathBase}/{user.PreferredCulture}/");
    }

    private PageResult Refused()
    {
        ModelState.AddModelError(string.Empty, S["Wrong e-mail address or password. After 5 failed attempts in a row, an account is locked for 15 minutes; you can also choose a new password."]);
        return Page();
    }
}
