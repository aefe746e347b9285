using System.Globalization;
using Learning.Modules.Accounts.Contracts;
using Learning.Modules.Core;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Reporting.Charts;
using Learning.Modules.Reporting.Dashboard;
using Learning.Modules.Reporting.Exports;
using Learning.Modules.Reporting.Facts;
using Learning.Modules.Reporting.FunderReport;
using Learning.Modules.Reporting.Tables;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Reporting.Pages.Admin;

/// <summary>
/// The impact dashboard of a tenant, for its administrators (the default tenant's see every tenant): the figures
/// funders ask for over a period, filtered by who, as charts with their tables, each table as CSV, all of them as
/// a workbook, and the funder report as a PDF. The list of learners at risk is the only thing with names in it.
/// </summary>
[Authorize(Policy = Roles.AdministratorPolicy)]
public sealed class ImpactModel(
    IServiceScopeFactory scopes,
    TenantContext tenantContext,
    TenantRegistry registry,
    IAuthorizationService authorization,
    StructureDirectory names,
    IOptions<ReportingOptions> options,
    TimeProvider clock,
    IStringLocalizer<ReportingStrings> S) : PageModel
{
    /// <summary>The longest period one report covers.</summary>
    public const int MostDays = 5 * 366;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>The learners' language ("culture" is the page's own).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Structure { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Profession { get; set; }

    /// <summary>Another tenant, for the installation's administrators.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Tenant { get; set; }

    /// <summary>A table's id, for its CSV.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Table { get; set; }

    public DashboardReport Report { get; private set; } = null!;

    public IReadOnlyList<ReportTable> Tables { get; private set; } = [];

    public FilterChoices Choices { get; private set; } = null!;

    public Tenant ShownTenant { get; private set; } = null!;

    /// <summary>The tenants this administrator may choose from: only their own unless they run the installation.</summary>
    public IReadOnlyList<Tenant> Tenants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await WithReportAsync(listAtRisk: true, () => Page(), cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await WithReportAsync(listAtRisk: true, () => Tables.FirstOrDefault(t => t.Id == Table) is { } table
            ? ReportFile.Csv([table], CultureInfo.CurrentCulture, FileName(table.Id))
            : NotFound(), cancellationToken);

    /// <summary>One table as a workbook, or every table, a sheet each.</summary>
    public async Task<IActionResult> OnGetWorkbookAsync(CancellationToken cancellationToken) =>
        await WithReportAsync(listAtRisk: true, () =>
        {
            var tables = Table is null ? Tables : Tables.Where(t => t.Id == Table).ToList();
            return tables.Count == 0 ? NotFound() : ReportFile.Xlsx(tables, CultureInfo.CurrentCulture, FileName(Table ?? "impact"));
        }, cancellationToken);

    public async Task<IActionResult> OnGetFunderReportAsync(CancellationToken cancellationToken) =>
        await WithReportAsync(listAtRisk: false, () => ReportFile.Pdf(FunderReportModel(), FileName("funder-report")), cancellationToken);

    /// <summary>Reads the filter, computes the report in the chosen tenant, then answers.</summary>
    private async Task<IActionResult> WithReportAsync(bool listAtRisk, Func<IActionResult> answer, CancellationToken cancellationToken)
    {
        var mayChooseTenant = (await authorization.AuthorizeAsync(User, HttpContext, CoreModule.InstallationAdministratorPolicy)).Succeeded;
        Tenants = mayChooseTenant ? registry.All.Where(t => t.State == TenantState.Running).ToList() : [tenantContext.Tenant];
        ShownTenant = Tenant is null ? tenantContext.Tenant : Tenants.FirstOrDefault(t => t.Name == Tenant)!;
        if (ShownTenant is null)
        {
            return NotFound();
        }

        var (lastYear, today) = ImpactDashboard.DefaultPeriod(clock.GetUtcNow().UtcDateTime);
        var valid = ModelState.IsValid && From is null or { Year: >= 2000 and <= 2100 } && To is null or { Year: >= 2000 and <= 2100 };
        if (valid)
        {
            From ??= To is null ? lastYear : To.Value.AddYears(-1).AddDays(1);
            To ??= today;
            valid = From <= To && To.Value.DayNumber - From.Value.DayNumber < MostDays;
        }

        if (!valid)
        {
            // A malformed or impossible period: the last twelve months, with a word why.
            ModelState.AddModelError(nameof(From), S["Choose a period between the years 2000 and 2100, of at most five years, its start before its end."]);
            (From, To) = (lastYear, today);
        }

        var culture = Cultures.Current;
        await using var scope = scopes.CreateTenantScope(ShownTenant);
        var services = scope.ServiceProvider;
        // The job keeps the facts fresh; the page refreshes them itself only when the job has not (never run yet, or
        // fallen a whole interval behind), so that an opening does not wait for a refresh the job is about to make.
        await services.GetRequiredService<FactsRefresh>().RunWhenOlderThanAsync(TimeSpan.FromMinutes(2 * options.Value.RefreshIntervalMinutes), cancellationToken);
        Choices = await FilterChoices.LoadAsync(services, ShownTenant, culture, cancellationToken);
        if (!Choices.Accepts(Language, Country, Type, Structure, Profession))
        {
            return NotFound();
        }

        var filter = new DashboardFilter(From!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), To!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Language, Country, Type, Structure, Profession);
        // One report for the page and its downloads; only the funder's report leaves the names out.
        Report = await services.GetRequiredService<ImpactDashboard>().CachedReportAsync(filter, culture, listAtRisk: true, cancellationToken);
        Tables = BuildTables(withNames: listAtRisk);
        return answer();
    }

    private List<ReportTable> BuildTables(bool withNames)
    {
        var culture = CultureInfo.CurrentCulture;
        var tables = new List<ReportTable>
        {
            DashboardTables.Objectives(Report, S),
            DashboardTables.Participation(Report, S),
            DashboardTables.OverTime(Report, S, culture),
            DashboardTables.Parts(Report, S),
            DashboardTables.Tests(Report, S, Cultures.NativeName),
            DashboardTables.Scores(Report, S),
            DashboardTables.Reads("practices", Report.Practices, S["Most read practices"], S["The practices of the toolbox most read in the period."], S["Practice"], S),
            DashboardTables.Reads("tutorials", Report.Tutorials, S["Most read tutorials"], S["The tutorials most read in the period."], S["Tutorial"], S),
            DashboardTables.HardestActivities(Report, S),
            DashboardTables.Feedback(Report, S, KindName),
            DashboardTables.AtRiskCount(Report, S),
        };
        if (withNames)
        {
            tables.Add(DashboardTables.AtRiskList(Report, S, culture));
        }

        return tables;
    }

    public string KindName(string kind) => kind switch
    {
        "practice" => S["Practices"],
        "tutorial" => S["Tutorials"],
        "mooc-part" => S["Parts of the course"],
        "mooc-course" => S["End-of-course survey"],
        _ => kind,
    };

    public string CountryName(string code) => StructureDirectory.CountryName(code);

    public string TypeName(string type) => names.TypeName(type);

    public ReportTable TableById(string id) => Tables.Single(t => t.Id == id);

    /// <summary>The chart drawn from each table (none for the learners at risk).</summary>
    private static readonly Dictionary<string, ChartKind> Charts = new()
    {
        ["objectives"] = ChartKind.Progress,
        ["participation"] = ChartKind.Bars,
        ["over-time"] = ChartKind.OverTime,
        ["completion"] = ChartKind.Bars,
        ["tests"] = ChartKind.Bars,
        ["scores"] = ChartKind.Histogram,
        ["practices"] = ChartKind.Bars,
        ["tutorials"] = ChartKind.Bars,
        ["activities"] = ChartKind.Bars,
        ["feedback"] = ChartKind.Bars,
    };

    public ReportFigure Figure(string id) =>
        new(TableById(id), Charts.TryGetValue(id, out var chart) ? chart : null, "impact-" + id, Link("Csv", id), Link("Workbook", id));

    /// <summary>The address of this report in another format, with the same filter.</summary>
    public string Link(string handler, string? table = null) => Url.Page(null, handler, new
    {
        from = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        to = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        language = Language, country = Country, type = Type, structure = Structure, profession = Profession, tenant = Tenant, table,
    })!;

    private string FileName(string what) => $"{ShownTenant.Name}-{what}-{From:yyyy-MM-dd}-{To:yyyy-MM-dd}";

    public string PeriodText => S["From {0} to {1}", From!.Value.ToString("D", CultureInfo.CurrentCulture), To!.Value.ToString("D", CultureInfo.CurrentCulture)];

    /// <summary>The funder's report: objectives against achievements, then the figures a funder reads, with their
    /// charts; never a name.</summary>
    private FunderReportContent FunderReportModel()
    {
        var feedback = Report.Feedback;
        ObjectiveRow[] objectives =
        [
            new(S["Structures reached"], Report.StructuresReached.Target, Report.StructuresReached.Achieved, S["structures"]),
            // The share acted on is hidden below 5 items, like any figure about fewer than 5 learners.
            new(S["Feedback acted on"], feedback.ActedOnObjective.Target, feedback.TooFew ? null : feedback.ActedOnObjective.Achieved, "%"),
        ];
        string[] sections = ["participation", "completion", "over-time", "tests", "scores", "feedback", "practices", "tutorials"];
        var culture = CultureInfo.CurrentCulture;
        return new FunderReportContent(
            Cultures.Current,
            S["Impact report"],
            ShownTenant.DisplayName,
            string.Join(" · ", [PeriodText, .. FilterTexts()]),
            S["Made on {0} from the platform's figures.", clock.GetUtcNow().UtcDateTime.ToString("D", culture)],
            objectives,
            [.. sections.Select(id => new ReportSection(TableById(id).Title, null, TableById(id), Charts[id]))]);
    }

    /// <summary>The filter in words, for the report's heading.</summary>
    private IEnumerable<string> FilterTexts()
    {
        if (Language is not null)
        {
            yield return S["Learners' language: {0}", Cultures.NativeName(Language)];
        }

        if (Country is not null)
        {
            yield return S["Country: {0}", CountryName(Country)];
        }

        if (Type is not null)
        {
            yield return S["Type of structure: {0}", TypeName(Type)];
        }

        if (Structure is { } id && Choices.Structures.FirstOrDefault(s => s.Id == id) is { } structure)
        {
            yield return S["Structure: {0}", structure.Name];
        }

        if (Profession is not null)
        {
            yield return S["Profession: {0}", Profession];
        }
    }
}
