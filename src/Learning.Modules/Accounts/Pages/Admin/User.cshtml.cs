using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Accounts.Pages.Admin;

/// <summary>An administrator changes a person's roles, locks or unlocks the account.
/// Nobody can take away their own administrator role nor lock themselves out.</summary>
[Authorize(Policy = Roles.AdministratorPolicy)]
public sealed class UserModel(UserManager<LearningUser> users, TimeProvider clock, IStringLocalizer<AccountsStrings> S) : PageModel
{
    public LearningUser Person { get; private set; } = null!;

    public IList<string> PersonRoles { get; private set; } = [];

    public bool Locked { get; private set; }

    public bool IsSelf { get; private set; }

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRolesAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var wanted = SelectedRoles.Intersect(Roles.All).ToList();
        if (IsSelf && !wanted.Contains(Roles.Administrator))
        {
            ModelState.AddModelError(string.Empty, S["You cannot remove your own administrator role."]);
            return Page();
        }

        var removed = await users.RemoveFromRolesAsync(Person, PersonRoles.Except(wanted));
        var added = await users.AddToRolesAsync(Person, wanted.Except(PersonRoles));
        if (!removed.Succeeded || !added.Succeeded)
        {
            ModelState.AddModelError(string.Empty, S["Something went wrong. Please try again."]);
            return Page();
        }

        // Roles travel in the person's cookie: a new security stamp makes them sign in again.
        await users.UpdateSecurityStampAsync(Person);
        Message = S["The roles are saved."];
        return RedirectToSelf(id);
    }

    public async Task<IActionResult> OnPostLockAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (IsSelf)
        {
            ModelState.AddModelError(string.Empty, S["You cannot lock your own account."]);
            return Page();
        }

        await users.SetLockoutEnabledAsync(Person, true);
        await users.SetLockoutEndDateAsync(Person, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(Person);
        Message = S["The account is locked."];
        return RedirectToSelf(id);
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(Person, null);
        await users.ResetAccessFailedCountAsync(Person);
        Message = S["The account is unlocked."];
        return RedirectToSelf(id);
    }

    private IActionResult RedirectToSelf(string id) => Redirect($"{Request.PathBase}{Request.Path}");

    private async Task<bool> LoadAsync(string id)
    {
        var person = await users.FindByIdAsync(id);
        if (person is null)
        {
            return false;
        }

        Person = person;
        PersonRoles = await users.GetRolesAsync(person);
        Locked = person.LockoutEnd > clock.GetUtcNow();
        IsSelf = users.GetUserId(User) == person.Id;
        return true;
    }
}
