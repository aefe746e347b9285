using System.Globalization;
using Learning.Modules.Accounts.Contracts;
using Learning.Modules.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Reporting.Dashboard;

/// <summary>What the dashboard's filters offer in a tenant: its languages, the countries and structures of its
/// directory, structure types, and the countries and professions that at least 5 learners gave (a rarer one would
/// point at a person).</summary>
public sealed record FilterChoices(
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Types,
    IReadOnlyList<StructureSummary> Structures,
    IReadOnlyList<string> Professions)
{
    public const int MostProfessions = 50;

    public static async Task<FilterChoices> LoadAsync(IServiceProvider services, Tenant tenant, string culture, CancellationToken cancellationToken)
    {
        var structures = await services.GetRequiredService<StructureDirectory>().ListAsync(cancellationToken);
        var facts = await services.GetRequiredService<ImpactDashboard>().SnapshotAsync(cancellationToken);
        // Countries of learners without a structure, like professions, only when 5 learners or more gave them.
        var learnerCountries = facts.Memo("learner countries", f => Enumerable.Range(0, f.Count)
            .Where(i => f.StructureId[i] == FactsSnapshot.None && f.Country[i] != FactsSnapshot.None)
            .GroupBy(i => f.Countries[f.Country[i]]).Where(g => g.Count() >= DashboardTables.FewestLearners).Select(g => g.Key).ToList());
        var professions = facts.Memo("professions", f => Enumerable.Range(0, f.Count).Where(i => f.Profession[i] != FactsSnapshot.None)
            .GroupBy(i => f.Professions[f.Profession[i]]).Where(g => g.Count() >= DashboardTables.FewestLearners)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).Take(MostProfessions).ToList());
        var sort = StringComparer.Create(CultureInfo.GetCultureInfo(culture), CompareOptions.IgnoreCase);
        return new FilterChoices(
            tenant.Cultures,
            structures.Select(s => s.Country).Concat(learnerCountries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            StructureTypes.All,
            structures.OrderBy(s => s.Name, sort).ToList(),
            professions.Order(sort).ToList());
    }

    /// <summary>True when every value chosen is one of those offered (a tampered or stale address is refused).</summary>
    public bool Accepts(string? language, string? country, string? type, int? structure, string? profession) =>
        (language is null || Languages.Contains(language))
        && (country is null || Countries.Contains(country))
        && (type is null || Types.Contains(type))
        && (structure is null || Structures.Any(s => s.Id == structure))
        && (profession is null || Professions.Contains(profession));
}
