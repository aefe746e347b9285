using System.Text.Json.Nodes;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Navigation;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Certificates;

/// <summary>Certificates for those who pass every validation test: PDF, public verification page, Open Badges 2.0.</summary>
public sealed class CertificatesModule : ILearningModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CertificateIssuer>();
        services.AddScoped<Contracts.IssuedCertificates>();
        services.AddScoped<Assessment.Contracts.ITestSubmittedHandler>(sp => sp.GetRequiredService<CertificateIssuer>());
        services.AddScoped<Core.PersonalData.IPersonalDataProvider, CertificatePersonalData>();
        services.AddSingleton(new NavigationItem("Certificates", "admin/certificates", 120, typeof(CertificatesStrings), Roles.AdministratorPolicy));
    }

    public void ConfigureModel(ModelBuilder model) => model.ApplyConfiguration(new CertificateConfiguration());

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // Open Badges documents are public by nature: any backpack must be able to verify them.
        var badges = endpoints.MapGroup("/badges").AllowAnonymous();
        badges.MapGet("/issuer.json", (HttpContext http, TenantContext tenant) => Json(OpenBadges.Issuer(http.Request, tenant.Tenant)));
        badges.MapGet("/badge.json", (HttpContext http, IStringLocalizer<CertificatesStrings> S) =>
            Json(OpenBadges.BadgeClass(http.Request, S["RéSolution MOOC: transferable practices of socio-professional insertion"], S["Awarded to professionals who completed the four parts of the MOOC and passed their validation tests."], S["Pass the validation test of each of the four parts with 70% or more."])));
        badges.MapGet("/badge.svg", () => Results.Text(OpenBadges.Svg("RéSolution MOOC"), "image/svg+xml"));
        badges.MapGet("/assertions/{code}.json", async (string code, HttpContext http, LearningDbContext db) =>
        {
            var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code);
            return certificate switch
            {
                null => Results.NotFound(),
                { RevokedUtc: not null } => Json(OpenBadges.Revoked(http.Request, certificate), StatusCodes.Status410Gone),
                _ => Json(OpenBadges.Assertion(http.Request, certificate, CultureLinks.Absolute(http.Request, CultureLinks.Path(http.Request, certificate.Culture, $"certificates/{certificate.Code}")))),
            };
        });
        badges.MapGet("/assertions/{code}.svg", async (string code, HttpContext http, LearningDbContext db) =>
        {
            var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code && c.RevokedUtc == null);
            return certificate is null
                ? Results.NotFound()
                : Results.File(System.Text.Encoding.UTF8.GetBytes(OpenBadges.Svg("RéSolution MOOC", OpenBadges.AssertionId(http.Request, code))), "image/svg+xml", $"badge-{code}.svg");
        });
    }

    private static IResult Json(JsonObject document, int status = StatusCodes.Status200OK) =>
        Results.Text(document.ToJsonString(), "application/ld+json; charset=utf-8", statusCode: status);
}
