using Learning.Modules.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Learning.Modules.Accounts.Pages;

/// <summary>Logging out is a POST (a link cannot log someone out); the GET page offers the button.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<LearningUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect($"{Request.PathBase}/{Cultures.Current}/");
    }
}
