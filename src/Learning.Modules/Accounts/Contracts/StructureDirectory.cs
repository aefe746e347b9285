using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Accounts.Contracts;

/// <summary>The tenant's directory of structures, for the figures ("structures reached"): every structure, listed or
/// proposed, and the names of its types and countries in the reader's language.</summary>
public sealed class StructureDirectory(LearningDbContext db, IStringLocalizer<AccountsStrings> S)
{
    public async Task<IReadOnlyList<StructureSummary>> ListAsync(CancellationToken cancellationToken) =>
        await db.Structures.AsNoTracking()
            .OrderBy(s => s.Name)
            .Select(s => new StructureSummary(s.Id, s.Name, s.Type, s.Municipality, s.Country, s.Status == StructureStatus.Proposed))
            .ToListAsync(cancellationToken);

    /// <summary>A type's name in the current UI culture (an unknown key reads as "Other").</summary>
    public string TypeName(string type) => S[StructureTypes.EnglishName(type)];

    /// <summary>A country's name in the current UI culture, from its ISO 3166-1 alpha-2 code.</summary>
    public static string CountryName(string code) => StructureCountries.Name(code);
}
