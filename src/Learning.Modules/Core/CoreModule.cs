using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Learning.Modules.Core.Email;
using Learning.Modules.Core.Jobs;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Navigation;
using Learning.Modules.Core.Scale;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Serving;
using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace Learning.Modules.Core;

/// <summary>What every module stands on: tenants, cultures, pages, security, e-mail, jobs.</summary>
public sealed class CoreModule : ILearningModule
{
    public const string InstallationAdministratorPolicy = "InstallationAdministrator";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LearningOptions>(configuration.GetSection(LearningOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DataPaths>();

        // Several nodes: caches dropped everywhere when something changes (Redis pub/sub, when configured).
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<ClusterSignals>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterSignals>());

        // Tenants
        services.AddSingleton<TenantRegistry>();
        services.OnClusterSignal(TenantRegistry.Channel, (sp, _) => sp.GetRequiredService<TenantRegistry>().LoadAsync());
        services.AddScoped<TenantContext>();
        services.AddSingleton<TenantSetup>();
        services.AddSingleton<TenantAddresses>();
        services.AddHttpContextAccessor();

        // Cultures: the first path segment, with six resource sets per module.
        services.AddLocalization();
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, KeptStringLocalizerFactory>());
        services.Configure<RouteOptions>(o => o.ConstraintMap[CultureRouteConstraint.Name] = typeof(CultureRouteConstraint));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            // Read-only shared instances: the middleware hands each request CultureInfo.ReadOnly(culture), a fresh clone
            // of a writable one, whose number and date formats were then built again from ICU on every request
            // (a third of the course page's time).
            var cultures = Cultures.All.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new(CultureInfo.GetCultureInfo(Cultures.Default));
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new TenantRequestCultureProvider()];
        });

        // Pages carry six languages: write their letters as they are (markup characters stay encoded).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // Pages live in module folders and declare absolute routes, so pages are looked for everywhere.
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/";
                o.Conventions.ConfigureFilter(new KnownHandlersOnly()); // a post selecting no handler: 400, not the page unloaded
            })
            .AddMvcOptions(o =>
            {
                // No form or link uses jQuery's bracketed names (a[b], a[]), and the reader of posted ones throws on an
                // unclosed bracket: any post with a field named "a[" answered 500.
                o.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
                o.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(CoreStrings)));

        // Deny by default: every page and module endpoint requires a signed-in person unless it says
        // [AllowAnonymous] (see LearningModules.MapLearningModules).
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AdministratorPolicy, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Roles.EditorPolicy, p => p.RequireRole(Roles.Administrator, Roles.Editor))
            .AddPolicy(InstallationAdministratorPolicy, p => p
                .RequireRole(Roles.Administrator)
                .RequireAssertion(c => c.Resource is HttpContext http && http.RequestServices.GetRequiredService<TenantContext>().Tenant.IsDefault));

        // Keys are kept in the default tenant's database, so cookies survive a restart and every node reads the same
        // ring, and encrypted there with a certificate (KeyRingCertificate says which). Form tokens are bound to the
        // tenant that issued them.
        services.AddDataProtection().SetApplicationName("Learning").ProtectKeysWithCertificate(KeyRingCertificate.Load(configuration));
        services.AddSingleton<DatabaseKeyRing>();
        services.AddOptions<KeyManagementOptions>().Configure<DatabaseKeyRing>((o, ring) => o.XmlRepository = ring);
        services.AddSingleton<IAntiforgeryAdditionalDataProvider, TenantAntiforgeryData>();

        // E-mail leaves through the outbox, sent by a job.
        services.AddScoped<EmailOutbox>();
        services.AddScoped<PersonalData.PersonalDataArchive>();
        services.AddSingleton<EmailSender>();
        // Lists a person may leave with one click (each module registers its EmailList), and their choices.
        services.AddSingleton<UnsubscribeLinks>();
        services.AddScoped<EmailPreferences>();
        services.AddScoped<Learning.Modules.Core.PersonalData.IPersonalDataProvider, EmailPreferencesPersonalData>();
        var sendInterval = configuration.GetValue($"{LearningOptions.Section}:Email:SendIntervalSeconds", new EmailSettings().SendIntervalSeconds);
        // Jobs on Hangfire, one per running tenant (Core/Jobs); the outbox's from the start, as e-mails are awaited.
        JobsSetup.AddServices(services, configuration);
        services.AddTenantJob<SendOutboxJob>("outbox", TimeSpan.FromSeconds(Math.Max(1, sendInterval)), firstRunAfter: TimeSpan.Zero);

        // Brotli, else gzip: static files always, pages only when shared by every reader (SharedPagesOnlyCompression
        // says why). Allowed over HTTPS, since the rule, not the scheme, keeps secrets out of compressed pages.
        services.AddSingleton<IResponseCompressionProvider, SharedPagesOnlyCompression>();
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });

        services.AddHealthChecks();
        services.AddSingleton<HealthDetailsAccess>();

        // Behind a reverse proxy: the client's address, scheme and host, believed from the configured proxies only
        // (and the loopback address, where a local proxy runs).
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<LearningOptions>>((o, learning) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in learning.Value.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in learning.Value.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddSingleton(new NavigationItem("Home", "", 0, typeof(CoreStrings)));
        services.AddSingleton(new NavigationItem("Tenants", "admin/tenants", 110, typeof(CoreStrings), InstallationAdministratorPolicy));
        services.AddSingleton(new NavigationItem("Jobs", "admin/jobs", 111, typeof(CoreStrings), InstallationAdministratorPolicy));
    }

    public void ConfigureModel(ModelBuilder model) => model
        .ApplyConfiguration(new OutboxMessageConfiguration())
        .ApplyConfiguration(new EmailOptOutConfiguration())
        .ApplyConfiguration(new TenantConfiguration())
        .ApplyConfiguration(new DataProtectionKeyConfiguration());

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // The bare address sends a person to their best culture.
        endpoints.MapGet("/", (HttpContext context) =>
            Results.Redirect($"{context.Request.PathBase}/{Cultures.Current}/"))
            .AllowAnonymous();

        // Hangfire's dashboard, for the default tenant's administrators.
        JobsSetup.MapDashboard(endpoints);
    }
}
