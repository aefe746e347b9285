using Learning.Modules.Accounts.Contracts;
using Learning.Modules.Accounts.Pages;
using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Accounts;

/// <summary>
/// The rules of the directory of structures: what a person's profile form chose or proposed, and what administrators
/// do with it (merge, match the free-text organisations typed before the directory existed, create from them). Names
/// are compared by their <see cref="FoldedText.Key"/>, so a structure exists once whatever the case, accents, spaces or
/// punctuation it is typed with.
/// </summary>
public sealed class Structures(LearningDbContext db, TimeProvider clock, IStringLocalizer<AccountsStrings> S)
{
    /// <summary>Between a structure's name and its municipality in the list a person chooses from.</summary>
    public const string Separator = " — ";

    /// <summary>What a person can choose: every listed structure, and those they proposed themselves.</summary>
    public async Task<IReadOnlyList<string>> OptionsAsync(string? userId, CancellationToken cancellationToken) =>
        (await db.Structures.AsNoTracking()
            .Where(s => s.Status == StructureStatus.Listed || (userId != null && s.ProposedBy == userId))
            .OrderBy(s => s.Name)
            .Select(s => new { s.Name, s.Municipality })
            .ToListAsync(cancellationToken))
        .Select(s => string.IsNullOrEmpty(s.Municipality) ? s.Name : s.Name + Separator + s.Municipality)
        .ToList();

    public Task<Structure?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        var key = FoldedText.Key(name);
        return key.Length == 0 ? Task.FromResult<Structure?>(null) : db.Structures.SingleOrDefaultAsync(s => s.NormalizedName == key, cancellationToken);
    }

    /// <summary>
    /// The structure a profile form names: a proposal when its name is filled (which finds the structure that already
    /// has that name rather than making a second), else the structure the directory field names ("Name" or
    /// "Name — Municipality", as the list offers it), else none. Problems go to the form's fields (prefixed
    /// <paramref name="prefix"/>) and give null; a new proposal is added to the context, not saved.
    /// <paramref name="keptText"/> is free text typed before the directory existed, kept as it is when sent back unchanged.
    /// </summary>
    public async Task<StructureChoice?> ChooseAsync(ProfileInput input, string userId, ModelStateDictionary modelState, string prefix, string? keptText, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(input.NewStructureName))
        {
            return await ProposeAsync(input, userId, modelState, prefix, cancellationToken);
        }

        var typed = input.Organisation?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return StructureChoice.None;
        }

        // Only what the list offers this person: someone else's proposal, not yet reviewed, is not there (finding it by
        // name would also tell a registration form whether an earlier post, for an address with an account, made it).
        if (Offered(await FindByNameAsync(typed, cancellationToken), userId) is { } named)
        {
            return new StructureChoice(named, null);
        }

        var separator = typed.LastIndexOf(Separator, StringComparison.Ordinal);
        if (separator > 0 && Offered(await FindByNameAsync(typed[..separator], cancellationToken), userId) is { } withMunicipality)
        {
            return new StructureChoice(withMunicipality, null);
        }

        if (keptText is not null && typed == keptText.Trim())
        {
            return new StructureChoice(null, null, keptText);
        }

        modelState.AddModelError($"{prefix}{nameof(ProfileInput.Organisation)}", S["This structure is not in the directory: choose one from the list, or propose yours below."]);
        return null;
    }

    private static Structure? Offered(Structure? structure, string userId) =>
        structure is { Status: StructureStatus.Listed } || structure?.ProposedBy == userId ? structure : null;

    private async Task<StructureChoice?> ProposeAsync(ProfileInput input, string userId, ModelStateDictionary modelState, string prefix, CancellationToken cancellationToken)
    {
        var name = input.NewStructureName!.Trim();
        var valid = true;
        if (FoldedText.Key(name).Length == 0)
        {
            modelState.AddModelError($"{prefix}{nameof(ProfileInput.NewStructureName)}", S["Write the structure's name with letters or digits."]);
            valid = false;
        }

        if (!StructureTypes.IsKnown(input.NewStructureType))
        {
            modelState.AddModelError($"{prefix}{nameof(ProfileInput.NewStructureType)}", S["Choose the kind of structure from the list."]);
            valid = false;
        }

        if (!StructureCountries.IsKnown(input.NewStructureCountry))
        {
            modelState.AddModelError($"{prefix}{nameof(ProfileInput.NewStructureCountry)}", S["Choose the country from the list."]);
            valid = false;
        }

        if (!valid || !modelState.IsValid)
        {
            return null;
        }

        if (await FindByNameAsync(name, cancellationToken) is { } existing)
        {
            return new StructureChoice(existing, null);
        }

        var proposed = New(name, input.NewStructureType!, input.NewStructureMunicipality, input.NewStructureCountry!, StructureStatus.Proposed, userId);
        db.Structures.Add(proposed);
        return new StructureChoice(null, proposed);
    }

    /// <summary>Saves a new proposal; false when another post made a structure of the same name meanwhile (the unique
    /// key refuses it), so that the form can ask again rather than fail.</summary>
    public async Task<bool> SaveProposalAsync(StructureChoice choice, ModelStateDictionary modelState, string prefix, CancellationToken cancellationToken)
    {
        if (choice.Proposed is null)
        {
            return true;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(choice.Proposed).State = EntityState.Detached;
            modelState.AddModelError($"{prefix}{nameof(ProfileInput.NewStructureName)}", S["This structure has just been added to the directory: choose it from the list."]);
            return false;
        }
    }

    public Structure New(string name, string type, string? municipality, string country, StructureStatus status, string? proposedBy) => new()
    {
        Name = name.Trim(),
        NormalizedName = FoldedText.Key(name),
        Type = type,
        Municipality = string.IsNullOrWhiteSpace(municipality) ? null : municipality.Trim(),
        Country = country,
        Status = status,
        CreatedUtc = clock.GetUtcNow().UtcDateTime,
        ProposedBy = proposedBy,
    };

    /// <summary>Deletes the structure a person just left when they proposed it, no administrator approved it and nobody
    /// else chose it: an abandoned proposal is nobody's structure.</summary>
    public async Task ForgetUnusedProposalAsync(int? left, LearningUser user, CancellationToken cancellationToken)
    {
        if (left is { } id && user.StructureId != id)
        {
            var userId = user.Id;
            var people = db.Users;
            await db.Structures
                .Where(s => s.Id == id && s.Status == StructureStatus.Proposed && s.ProposedBy == userId && !people.Any(u => u.StructureId == id && u.Id != userId))
                .ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>A deleted account's part of the directory: its proposals that nobody else chose go, the others stay
    /// (a structure is not personal) without saying who proposed them.</summary>
    public async Task ForgetProposerAsync(string userId, CancellationToken cancellationToken)
    {
        var people = db.Users;
        await db.Structures
            .Where(s => s.ProposedBy == userId && s.Status == StructureStatus.Proposed && !people.Any(u => u.StructureId == s.Id && u.Id != userId))
            .ExecuteDeleteAsync(cancellationToken);
        await db.Structures.Where(s => s.ProposedBy == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ProposedBy, (string?)null), cancellationToken);
    }

    /// <summary>Moves the people of <paramref name="gone"/> to <paramref name="kept"/> (their organisation named after it,
    /// their profile changed now), then deletes <paramref name="gone"/>; the structure kept is listed from then on, as an
    /// administrator has reviewed it. Returns how many people moved. The caller holds the transaction.</summary>
    public async Task<int> MergeAsync(Structure kept, Structure gone, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = await db.Users.Where(u => u.StructureId == gone.Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.StructureId, kept.Id)
            .SetProperty(u => u.Organisation, kept.Name)
            .SetProperty(u => u.ProfileChangedUtc, now), cancellationToken);
        kept.Status = StructureStatus.Listed;
        db.Structures.Remove(gone);
        await db.SaveChangesAsync(cancellationToken);
        return moved;
    }

    /// <summary>The free-text organisations of the people without a structure, grouped by their key (with how many
    /// people typed each group, and its most frequent spelling), the most frequent first.</summary>
    public async Task<IReadOnlyList<FreeTextOrganisation>> FreeTextAsync(CancellationToken cancellationToken)
    {
        var texts = await db.Users.AsNoTracking()
            .Where(u => u.StructureId == null && u.Organisation != null && u.Organisation != "")
            .GroupBy(u => u.Organisation!)
            .Select(g => new { Text = g.Key, People = g.Count() })
            .ToListAsync(cancellationToken);
        return texts
            .Select(t => (Key: FoldedText.Key(t.Text), t.Text, t.People))
            .Where(t => t.Key.Length > 0)
            .GroupBy(t => t.Key)
            .Select(g => new FreeTextOrganisation(
                g.Key,
                g.OrderByDescending(t => t.People).ThenBy(t => t.Text, StringComparer.Ordinal).First().Text.Trim(),
                g.Select(t => t.Text).ToList(),
                g.Sum(t => t.People)))
            .OrderByDescending(f => f.People).ThenBy(f => f.Text, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Links every person without a structure whose organisation names one (by key) to it. Returns how many
    /// people were linked, and to how many structures.</summary>
    public async Task<(int People, int Structures)> MatchFreeTextAsync(CancellationToken cancellationToken)
    {
        var free = await FreeTextAsync(cancellationToken);
        var keys = free.Select(f => f.Key).ToList();
        var structures = new Dictionary<string, (int Id, string Name)>();
        foreach (var batch in keys.Chunk(1000))
        {
            foreach (var s in await db.Structures.AsNoTracking().Where(s => batch.Contains(s.NormalizedName)).Select(s => new { s.Id, s.Name, s.NormalizedName }).ToListAsync(cancellationToken))
            {
                structures[s.NormalizedName] = (s.Id, s.Name);
            }
        }

        var people = 0;
        foreach (var text in free.Where(f => structures.ContainsKey(f.Key)))
        {
            people += await LinkAsync(text, structures[text.Key].Id, structures[text.Key].Name, cancellationToken);
        }

        return (people, free.Count(f => structures.ContainsKey(f.Key)));
    }

    /// <summary>Links the people who typed one of <paramref name="text"/>'s spellings, and have no structure, to one.</summary>
    public async Task<int> LinkAsync(FreeTextOrganisation text, int structureId, string structureName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var spellings = text.Spellings;
        return await db.Users.Where(u => u.StructureId == null && spellings.Contains(u.Organisation!)).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.StructureId, structureId)
            .SetProperty(u => u.Organisation, structureName)
            .SetProperty(u => u.ProfileChangedUtc, now), cancellationToken);
    }
}

/// <summary>What a profile form chose: a structure of the directory, a new proposal (not saved yet), or neither
/// (with, perhaps, free text kept from before the directory).</summary>
public sealed record StructureChoice(Structure? Existing, Structure? Proposed, string? KeptText = null)
{
    public static readonly StructureChoice None = new(null, null);

    /// <summary>Sets the person's structure and organisation; a proposal must be saved first, for its id.</summary>
    public void ApplyTo(LearningUser user)
    {
        var structure = Existing ?? Proposed;
        user.StructureId = structure?.Id;
        user.Organisation = structure?.Name ?? KeptText;
    }
}

/// <summary>An organisation typed as free text, in all its <paramref name="Spellings"/> that share one key.</summary>
public sealed record FreeTextOrganisation(string Key, string Text, IReadOnlyList<string> Spellings, int People);
