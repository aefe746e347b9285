using System.ComponentModel.DataAnnotations;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Learning.Modules.Core.Tenancy.Pages;

/// <summary>Creates a tenant and sets it up at once: schema, roles, its own administrator.</summary>
[Authorize(Policy = CoreModule.InstallationAdministratorPolicy)]
public sealed class NewTenantModel(
    TenantRegistry registry,
    TenantSetup setup,
    TenantDatabases databases,
    TimeProvider clock,
    IStringLocalizer<CoreStrings> S,
    ILogger<NewTenantModel> logger) : PageModel
{
    /// <summary>First path segments the platform itself uses, which no tenant prefix may take.</summary>
    private static readonly string[] ReservedPrefixes = ["error", "health", "css", "js", "lib", "img", "media", "admin", "_content", "_framework"];

    [BindProperty]
    public NewTenantInput Input { get; set; } = new();

    /// <summary>Shown once, right after the tenant is created.</summary>
    public string? AdministratorPassword { get; private set; }

    public Tenant? Created { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Validate();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var tenant = new Tenant
        {
            Name = Input.Name,
            DisplayName = Input.DisplayName.Trim(),
            UrlPrefix = string.IsNullOrWhiteSpace(Input.UrlPrefix) ? null : Input.UrlPrefix.Trim(),
            HostName = string.IsNullOrWhiteSpace(Input.HostName) ? null : Input.HostName.Trim().ToLowerInvariant(),
            Cultures = Cultures.All.Where(Input.Cultures.Contains).ToList(),
            DefaultCulture = Input.DefaultCulture,
            DatabaseProvider = Input.DatabaseProvider,
            ConnectionString = Input.DatabaseProvider == DatabaseProvider.Postgres ? Input.ConnectionString : null,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };

        try
        {
            AdministratorPassword = await setup.SetUpAsync(tenant, Input.AdministratorEmail, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The tenant was not registered. A new SQLite file goes too; a PostgreSQL database
            // given by the administrator is theirs, and is never dropped without their say.
            logger.LogWarning(exception, "Setting up tenant {Tenant} failed.", tenant.Name);
            if (tenant.DatabaseProvider == DatabaseProvider.Sqlite)
            {
                await TryDeleteAsync(tenant);
            }

            ModelState.AddModelError(string.Empty, S["The tenant could not be set up: {0}", exception.Message]);
            return Page();
        }

        Created = tenant;
        return Page();
    }

    private void Validate()
    {
        const string prefix = nameof(Input) + ".";
        if (registry.Find(Input.Name) is not null)
        {
            ModelState.AddModelError(prefix + nameof(Input.Name), S["A tenant already has this name."]);
        }

        var urlPrefix = Input.UrlPrefix?.Trim();
        var host = Input.HostName?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(urlPrefix) && string.IsNullOrEmpty(host))
        {
            ModelState.AddModelError(prefix + nameof(Input.UrlPrefix), S["Give a URL prefix, a host name, or both."]);
        }

        if (!string.IsNullOrEmpty(urlPrefix) && (Cultures.IsSupported(urlPrefix) || ReservedPrefixes.Contains(urlPrefix)))
        {
            ModelState.AddModelError(prefix + nameof(Input.UrlPrefix), S["This prefix is used by the platform itself. Choose another."]);
        }

        if (registry.All.Any(t => string.Equals(t.HostName ?? "", host ?? "", StringComparison.OrdinalIgnoreCase)
                                  && string.Equals(t.UrlPrefix ?? "", urlPrefix ?? "", StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError(prefix + nameof(Input.UrlPrefix), S["Another tenant already answers at this address."]);
        }

        if (Input.Cultures.Count == 0 || Input.Cultures.Any(c => !Cultures.IsSupported(c)))
        {
            ModelState.AddModelError(prefix + nameof(Input.Cultures), S["Choose at least one language."]);
        }
        else if (!Input.Cultures.Contains(Input.DefaultCulture))
        {
            ModelState.AddModelError(prefix + nameof(Input.DefaultCulture), S["The default language must be one of the tenant's languages."]);
        }

        if (Input.DatabaseProvider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(Input.ConnectionString))
        {
            ModelState.AddModelError(prefix + nameof(Input.ConnectionString), S["A PostgreSQL database needs a connection string."]);
        }
    }

    private async Task TryDeleteAsync(Tenant tenant)
    {
        try
        {
            await databases.DeleteAsync(tenant, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not remove what tenant {Tenant}'s failed setup left.", tenant.Name);
        }
    }
}

public sealed class NewTenantInput
{
    [Required(ErrorMessage = "This field is required.")]
    [RegularExpression("^[a-z0-9][a-z0-9-]{1,39}$", ErrorMessage = "Use 2 to 40 lower-case letters, digits or dashes.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "This field is required.")]
    [StringLength(100, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string DisplayName { get; set; } = "";

    [RegularExpression("^[a-z0-9][a-z0-9-]{1,39}$", ErrorMessage = "Use 2 to 40 lower-case letters, digits or dashes.")]
    public string? UrlPrefix { get; set; }

    [RegularExpression(@"^[A-Za-z0-9]([A-Za-z0-9-]{0,62}\.)*[A-Za-z0-9-]{1,63}$", ErrorMessage = "Enter a host name such as learning.example.org.")]
    public string? HostName { get; set; }

    public List<string> Cultures { get; set; } = [.. Core.Cultures.All];

    public string DefaultCulture { get; set; } = Core.Cultures.Default;

    public DatabaseProvider DatabaseProvider { get; set; } = DatabaseProvider.Sqlite;

    [StringLength(1000, ErrorMessage = "This is too long: {1} characters at most.")]
    public string? ConnectionString { get; set; }

    [Required(ErrorMessage = "This field is required.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [TypedText] // [EmailAddress] lets a NUL through, which PostgreSQL cannot even look up
    public string AdministratorEmail { get; set; } = "";
}
