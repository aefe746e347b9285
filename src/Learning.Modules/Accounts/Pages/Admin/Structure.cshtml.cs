using System.ComponentModel.DataAnnotations;
using Learning.Modules.Accounts.Contracts;
using Learning.Modules.Core;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Accounts.Pages.Admin;

/// <summary>One structure of the directory: an administrator edits it, approves a proposal, or merges it with a
/// duplicate (the structure kept takes the other's people; the other is deleted).</summary>
[Authorize(Policy = Roles.AdministratorPolicy)]
public sealed class StructureModel(LearningDbContext db, Structures structures, IStringLocalizer<AccountsStrings> S) : PageModel
{
    public Structure Structure { get; private set; } = null!;

    public int People { get; private set; }

    public string? Proposer { get; private set; }

    /// <summary>The other structures it can be merged with.</summary>
    public IReadOnlyList<(int Id, string Label)> Others { get; private set; } = [];

    [BindProperty]
    public StructureInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new StructureInput { Name = Structure.Name, Type = Structure.Type, Municipality = Structure.Municipality, Country = Structure.Country };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var key = FoldedText.Key(Input.Name ?? "");
        if (ModelState.GetFieldValidationState($"{nameof(Input)}.{nameof(Input.Name)}") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid && key.Length == 0)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", S["Write the structure's name with letters or digits."]);
        }
        else if (key.Length > 0 && await db.Structures.AnyAsync(s => s.NormalizedName == key && s.Id != id, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", S["Another structure has this name: merge the two instead."]);
        }

        if (!StructureTypes.IsKnown(Input.Type))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Type)}", S["Choose the kind of structure from the list."]);
        }

        if (!StructureCountries.IsKnown(Input.Country))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Country)}", S["Choose the country from the list."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var renamed = Structure.Name != Input.Name!.Trim();
        Structure.Name = Input.Name.Trim();
        Structure.NormalizedName = key;
        Structure.Type = Input.Type!;
        Structure.Municipality = string.IsNullOrWhiteSpace(Input.Municipality) ? null : Input.Municipality.Trim();
        Structure.Country = Input.Country!;
        await db.SaveChangesAsync(cancellationToken);
        if (renamed)
        {
            // Other pages show the organisation's name that people carry.
            var name = Structure.Name;
            await db.Users.Where(u => u.StructureId == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Organisation, name), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        Message = S["The structure is saved."];
        return Redirect($"{Request.PathBase}{Request.Path}");
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Structure.Status == StructureStatus.Proposed)
        {
            Structure.Status = StructureStatus.Listed;
            await db.SaveChangesAsync(cancellationToken);
            Message = S["The structure is approved: everyone can now choose it."];
        }
        else
        {
            Message = S["The structure was already listed."];
        }

        return Redirect($"{Request.PathBase}{Request.Path}");
    }

    /// <summary>Merges this structure with <paramref name="otherId"/>, keeping this one or the other (<paramref name="keep"/>).</summary>
    public async Task<IActionResult> OnPostMergeAsync(int id, int? otherId, string? keep, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var other = otherId is { } o && o != id ? await db.Structures.SingleOrDefaultAsync(s => s.Id == o, cancellationToken) : null;
        if (other is null)
        {
            ModelState.AddModelError("otherId", S["Choose the structure to merge with from the list."]);
        }

        if (keep is not ("this" or "other"))
        {
            ModelState.AddModelError("keep", S["Choose which structure to keep."]);
        }

        // Only this form's fields count: the edit form's (bound, not posted here) are not its business.
        if (other is null || keep is not ("this" or "other"))
        {
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(Input), StringComparison.Ordinal)).ToList())
            {
                ModelState.Remove(key);
            }

            Input = new StructureInput { Name = Structure.Name, Type = Structure.Type, Municipality = Structure.Municipality, Country = Structure.Country };
            return Page();
        }

        var (kept, gone) = keep == "this" ? (Structure, other!) : (other!, Structure);
        var goneName = gone.Name;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await structures.MergeAsync(kept, gone, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Message = S["\"{0}\" is merged into \"{1}\": {2} person(s) moved to it.", goneName, kept.Name, moved];
        return Redirect($"{Request.PathBase}/{Cultures.Current}/admin/structures/{kept.Id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var structure = await db.Structures.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (structure is null)
        {
            return false;
        }

        Structure = structure;
        People = await db.Users.CountAsync(u => u.StructureId == id, cancellationToken);
        Proposer = structure.ProposedBy is { } proposer
            ? await db.Users.Where(u => u.Id == proposer).Select(u => u.DisplayName + " <" + u.Email + ">").SingleOrDefaultAsync(cancellationToken)
            : null;
        Others = (await db.Structures.AsNoTracking().Where(s => s.Id != id).OrderBy(s => s.Name)
                .Select(s => new { s.Id, s.Name, s.Municipality }).ToListAsync(cancellationToken))
            .Select(s => (s.Id, s.Municipality is null ? s.Name : s.Name + Structures.Separator + s.Municipality)).ToList();
        return true;
    }

    public sealed class StructureInput
    {
        [Required(ErrorMessage = "This field is required.")]
        [StringLength(Structure.NameLength, ErrorMessage = "This is too long: {1} characters at most.")]
        [TypedText]
        public string? Name { get; set; }

        public string? Type { get; set; }

        [StringLength(Structure.MunicipalityLength, ErrorMessage = "This is too long: {1} characters at most.")]
        [TypedText]
        public string? Municipality { get; set; }

        public string? Country { get; set; }
    }
}
