using System.ComponentModel.DataAnnotations;
using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Accounts.Pages;

public sealed class MyAccountModel(UserManager<LearningUser> users, SignInManager<LearningUser> signIn, TenantContext tenantContext, IStringLocalizer<AccountsStrings> S) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public string Email { get; private set; } = "";

    public bool Saved { get; private set; }

    public IReadOnlyList<string> TenantCultures => tenantContext.Tenant.Cultures;

    public async Task<IActionResult> OnGetAsync(bool saved = false)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Email = user.Email ?? "";
        Saved = saved;
        Input = new ProfileInput
        {
            DisplayName = user.DisplayName,
            Organisation = user.Organisation,
            Country = user.Country,
            Profession = user.Profession,
            PreferredCulture = user.PreferredCulture,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Email = user.Email ?? "";
        if (!tenantContext.Tenant.Supports(Input.PreferredCulture))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.PreferredCulture)}", S["Choose one of the languages offered."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        user.DisplayName = Input.DisplayName.Trim();
        user.Organisation = Input.Organisation?.Trim();
        user.Country = Input.Country?.Trim();
        user.Profession = Input.Profession?.Trim();
        user.PreferredCulture = Input.PreferredCulture;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        // The cookie carries the name and language: issue it again.
        await signIn.RefreshSignInAsync(user);
        return Redirect($"{Request.PathBase}/{user.PreferredCulture}/account?saved=true");
    }
}

/// <summary>The profile a person keeps up to date on "My account" (and gives at registration).</summary>
public class ProfileInput
{
    [Required(ErrorMessage = "This field is required.")]
    [StringLength(100, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string DisplayName { get; set; } = "";

    [StringLength(200, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string? Organisation { get; set; }

    [StringLength(100, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string? Country { get; set; }

    [StringLength(100, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string? Profession { get; set; }

    [Required(ErrorMessage = "This field is required.")]
    public string PreferredCulture { get; set; } = "";
}
