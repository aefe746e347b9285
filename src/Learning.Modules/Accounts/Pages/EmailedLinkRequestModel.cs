using System.ComponentModel.DataAnnotations;
using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Learning.Modules.Accounts.Pages;

/// <summary>A form that asks for an address and e-mails its account a link with a token (a new password, the
/// confirmation again), answering the same whether or not the address has an account.</summary>
public abstract class EmailedLinkRequestModel(UserManager<LearningUser> users, LearningDbContext db) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "This field is required.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [TypedText] // [EmailAddress] lets a NUL through, which PostgreSQL cannot even look up
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    protected UserManager<LearningUser> Users => users;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The same answer whether or not the address has an account.
        var user = await users.FindByEmailAsync(Email);
        if (user is not null && await QueueLinkAsync(user))
        {
            await db.SaveChangesAsync();
        }

        Sent = true;
        return Page();
    }

    /// <summary>Queues the e-mail with its link for this account; false when the account gets none.</summary>
    protected abstract Task<bool> QueueLinkAsync(LearningUser user);
}
