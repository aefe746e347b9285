using System.ComponentModel.DataAnnotations;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Accounts.Pages;

[AllowAnonymous]
[EnableRateLimiting(AccountsModule.AccountPostsLimit)]
public sealed class RegisterModel(
    UserManager<LearningUser> users,
    AccountEmails emails,
    LearningDbContext db,
    Structures structures,
    TenantContext tenantContext,
    TimeProvider clock,
    IStringLocalizer<AccountsStrings> S) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public IReadOnlyList<string> TenantCultures => tenantContext.Tenant.Cultures;

    /// <summary>The listed structures a newcomer chooses from.</summary>
    public IReadOnlyList<string> StructureOptions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Input.PreferredCulture = Cultures.Current;
        StructureOptions = await structures.OptionsAsync(null, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        StructureOptions = await structures.OptionsAsync(null, HttpContext.RequestAborted);
        // The checkbox posts "true" (and "false"): anything else is a tampered form, which the page cannot show again.
        if (ModelState.GetFieldValidationState($"{nameof(Input)}.{nameof(Input.AcceptPrivacyNotice)}") == ModelValidationState.Invalid)
        {
            return BadRequest();
        }

        if (!Input.AcceptPrivacyNotice)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.AcceptPrivacyNotice)}", S["Please accept the privacy notice to create an account."]);
        }

        if (!tenantContext.Tenant.Supports(Input.PreferredCulture))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.PreferredCulture)}", S["Choose one of the languages offered."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new LearningUser
        {
            UserName = Input.Email,
            Email = Input.Email,
            DisplayName = Input.DisplayName.Trim(),
            Country = Input.Country?.Trim(),
            Profession = Input.Profession?.Trim(),
            PreferredCulture = Input.PreferredCulture,
            PrivacyAcceptedUtc = now,
            CreatedUtc = now,
            ProfileChangedUtc = now,
        };

        // The structure is judged with the rest of the form, before the address is looked at; a proposal is saved
        // only for a new account.
        var choice = await structures.ChooseAsync(Input, user.Id, ModelState, $"{nameof(Input)}.", null, HttpContext.RequestAborted);
        if (choice is null)
        {
            return Page();
        }

        // The password is judged before the address is looked at, so that a refused password says
        // nothing about who has an account.
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, Input.Password);
            foreach (var error in valid.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var existing = await users.FindByEmailAsync(Input.Email);
        if (existing is not null)
        {
            // Same answer as a new registration, after the same work (one password hash), so the form
            // does not reveal who has an account; the owner is told by e-mail.
            users.PasswordHasher.HashPassword(user, Input.Password);
            if (choice.Proposed is not null)
            {
                db.Entry(choice.Proposed).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            }

            emails.QueueAlreadyRegistered(existing, CultureLinks.Absolute(Request, CultureLinks.Path(Request, existing.PreferredCulture, "account/forgot-password")));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return Redirect(CultureLinks.Path(Request, Cultures.Current, "account/registered"));
        }

        if (!await structures.SaveProposalAsync(choice, ModelState, $"{nameof(Input)}.", HttpContext.RequestAborted))
        {
            return Page();
        }

        choice.ApplyTo(user);
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        await users.AddToRoleAsync(user, Roles.Learner);
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        emails.QueueConfirmation(user, AccountLinks.WithToken(Request, user.PreferredCulture, "account/confirm", user.Id, token));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return Redirect(CultureLinks.Path(Request, Cultures.Current, "account/registered"));
    }
}

/// <summary>What a person gives to register: an address, a password, and their profile.</summary>
public sealed class RegisterInput : ProfileInput
{
    [Required(ErrorMessage = "This field is required.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [TypedText] // [EmailAddress] lets a NUL through, which PostgreSQL cannot even look up
    [StringLength(256, ErrorMessage = "This is too long: {1} characters at most.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "This field is required.")]
    [StringLength(200, ErrorMessage = "This is too long: {1} characters at most.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public bool AcceptPrivacyNotice { get; set; }
}
