using System.ComponentModel.DataAnnotations;
using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Accounts.Pages;

public sealed class MyAccountModel(
    UserManager<LearningUser> users,
    SignInManager<LearningUser> signIn,
    Structures structures,
    LearningDbContext db,
    TenantContext tenantContext,
    TimeProvider clock,
    IStringLocalizer<AccountsStrings> S) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public string Email { get; private set; } = "";

    public bool Saved { get; private set; }

    public IReadOnlyList<string> TenantCultures => tenantContext.Tenant.Cultures;

    /// <summary>The directory as the person may choose from it.</summary>
    public IReadOnlyList<string> StructureOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(bool saved = false)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        StructureOptions = await structures.OptionsAsync(user.Id, HttpContext.RequestAborted);
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
        var cancellationToken = HttpContext.RequestAborted;
        StructureOptions = await structures.OptionsAsync(user.Id, cancellationToken);
        if (!tenantContext.Tenant.Supports(Input.PreferredCulture))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.PreferredCulture)}", S["Choose one of the languages offered."]);
        }

        // Free text typed before the directory existed stays as it is while the person leaves it unchanged.
        var keptText = user.StructureId is null ? user.Organisation : null;
        var choice = ModelState.IsValid ? await structures.ChooseAsync(Input, user.Id, ModelState, $"{nameof(Input)}.", keptText, cancellationToken) : null;
        if (choice is null || !ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await structures.SaveProposalAsync(choice, ModelState, $"{nameof(Input)}.", cancellationToken))
        {
            StructureOptions = await structures.OptionsAsync(user.Id, cancellationToken);
            return Page();
        }

        var before = user.StructureId;
        choice.ApplyTo(user);
        await structures.ForgetUnusedProposalAsync(before, user, cancellationToken);
        user.ProfileChangedUtc = clock.GetUtcNow().UtcDateTime;
        user.DisplayName = Input.DisplayName.Trim();
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

        await transaction.CommitAsync(cancellationToken);

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

    /// <summary>The structure chosen from the directory, as its list offers it ("Name" or "Name — Municipality").</summary>
    [StringLength(Structure.NameLength + 3 + Structure.MunicipalityLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string? Organisation { get; set; }

    /// <summary>A structure the directory lacks, proposed by the person: its name (which makes the proposal), kind,
    /// municipality and country.</summary>
    [StringLength(Structure.NameLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string? NewStructureName { get; set; }

    public string? NewStructureType { get; set; }

    [StringLength(Structure.MunicipalityLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string? NewStructureMunicipality { get; set; }

    public string? NewStructureCountry { get; set; }

    [StringLength(100, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string? Country { get; set; }

    [StringLength(100, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string? Profession { get; set; }

    [Required(ErrorMessage = "This field is required.")]
    public string PreferredCulture { get; set; } = "";
}
