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

/// <summary>The directory of structures for administrators: search and filters, people per structure, and the
/// organisations people typed as free text, matched to the directory or made into structures.</summary>
[Authorize(Policy = Roles.AdministratorPolicy)]
public sealed class StructuresModel(LearningDbContext db, Structures structures, IStringLocalizer<AccountsStrings> S) : PageModel
{
    public const int PageSize = 25;

    /// <summary>How many of the most frequent unmatched organisations the page lists.</summary>
    public const int FreeTextShown = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? TypeFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "country")]
    public string? CountryFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Pager Pager { get; private set; } = new(1, PageSize, 0);

    public IReadOnlyList<StructureRow> Rows { get; private set; } = [];

    public IReadOnlyList<FreeTextOrganisation> FreeText { get; private set; } = [];

    public int FreeTextPeople { get; private set; }

    public IReadOnlyList<string> Countries { get; private set; } = [];

    /// <summary>How many proposals wait for an administrator.</summary>
    public int ToReview { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var list = db.Structures.AsNoTracking();
        if (FoldedText.Key(Query ?? "") is { Length: > 0 } key)
        {
            var upper = Query!.Trim().ToUpperInvariant();
            list = list.Where(s => s.NormalizedName.Contains(key) || (s.Municipality != null && s.Municipality.ToUpper().Contains(upper)));
        }

        if (StructureTypes.IsKnown(TypeFilter))
        {
            list = list.Where(s => s.Type == TypeFilter);
        }

        if (StructureCountries.IsKnown(CountryFilter))
        {
            list = list.Where(s => s.Country == CountryFilter);
        }

        if (Enum.TryParse<StructureStatus>(StatusFilter, out var status) && Enum.IsDefined(status))
        {
            list = list.Where(s => s.Status == status);
        }

        Pager = new Pager(PageNumber, PageSize, await list.CountAsync(cancellationToken))
        {
            Kept = [new("type", TypeFilter), new("country", CountryFilter), new("status", StatusFilter)],
        };
        var page = await list.OrderBy(s => s.Name).Skip(Pager.Skip).Take(Pager.Size)
            .Select(s => new { s.Id, s.Name, s.Type, s.Municipality, s.Country, s.Status })
            .ToListAsync(cancellationToken);

        // The page's counts in one grouped query.
        var ids = page.Select(s => (int?)s.Id).ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.StructureId))
            .GroupBy(u => u.StructureId).Select(g => new { Id = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        Rows = page.Select(s => new StructureRow(s.Id, s.Name, s.Type, s.Municipality, s.Country, s.Status, people.GetValueOrDefault(s.Id))).ToList();

        Countries = await db.Structures.AsNoTracking().Select(s => s.Country).Distinct().ToListAsync(cancellationToken);
        ToReview = await db.Structures.CountAsync(s => s.Status == StructureStatus.Proposed, cancellationToken);
        var free = await structures.FreeTextAsync(cancellationToken);
        FreeTextPeople = free.Sum(f => f.People);
        FreeText = free;
    }

    public async Task<IActionResult> OnPostMatchAsync(CancellationToken cancellationToken)
    {
        var (people, matched) = await structures.MatchFreeTextAsync(cancellationToken);
        var left = await structures.FreeTextAsync(cancellationToken);
        Message = S["{0} person(s) linked to {1} structure(s). {2} organisation(s) typed by {3} person(s) match no structure.", people, matched, left.Count, left.Sum(f => f.People)];
        return Redirect($"{Request.PathBase}{Request.Path}");
    }

    /// <summary>Makes a listed structure of an organisation people typed, and links them to it.</summary>
    public async Task<IActionResult> OnPostCreateAsync(string? text, string? type, string? country, CancellationToken cancellationToken)
    {
        var free = (await structures.FreeTextAsync(cancellationToken)).FirstOrDefault(f => f.Key == FoldedText.Key(text ?? ""));
        if (free is null)
        {
            // Matched or created meanwhile, or not typed by anyone: nothing to do with it here.
            Message = S["No person without a structure typed this organisation any more."];
            return Redirect($"{Request.PathBase}{Request.Path}");
        }

        if (!StructureTypes.IsKnown(type) || !StructureCountries.IsKnown(country))
        {
            ModelState.AddModelError(string.Empty, S["Choose the kind of structure and its country to create \"{0}\".", free.Text]);
            await OnGetAsync(cancellationToken);
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var structure = await structures.FindByNameAsync(free.Text, cancellationToken);
        var created = structure is null;
        if (structure is null)
        {
            structure = structures.New(free.Text, type!, null, country!, StructureStatus.Listed, null);
            db.Structures.Add(structure);
            await db.SaveChangesAsync(cancellationToken);
        }

        var linked = await structures.LinkAsync(free, structure.Id, structure.Name, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Message = created
            ? S["The structure \"{0}\" is created and {1} person(s) linked to it.", structure.Name, linked]
            : S["\"{0}\" was already in the directory: {1} person(s) linked to it.", structure.Name, linked];
        return Redirect($"{Request.PathBase}{Request.Path}");
    }

    public sealed record StructureRow(int Id, string Name, string Type, string? Municipality, string Country, StructureStatus Status, int People);
}
