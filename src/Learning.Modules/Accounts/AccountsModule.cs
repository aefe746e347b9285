using System.Threading.RateLimiting;
using Learning.Modules.Core;
using Learning.Modules.Core.Jobs;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Navigation;
using Learning.Modules.Core.PersonalData;
using Learning.Modules.Core.Scale;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Accounts;

/// <summary>Registration, sign-in, lockout, password reset, profile, personal data, users and roles.</summary>
public sealed class AccountsModule : ILearningModule
{
    /// <summary>Rate limit of the posts an attacker would repeat: login, registration, password reset.</summary>
    public const string AccountPostsLimit = "account-posts";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<LearningUser, IdentityRole>(o =>
            {
                o.SignIn.RequireConfirmedAccount = true;
                o.User.RequireUniqueEmail = true;
                // Length rather than composition rules (NIST SP 800-63B).
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<LearningDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<LearningClaimsPrincipalFactory>();

        // A locked account, a changed password or new roles reach open sessions within a minute (by default).
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AccountsOptions>>((o, accounts) =>
            o.ValidationInterval = TimeSpan.FromSeconds(Math.Max(1, accounts.Value.SessionCheckSeconds)));

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".Learning.Session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.CookieManager = new TenantCookieManager();
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = c => RedirectTo(c, "account/login");
            o.Events.OnRedirectToAccessDenied = c => RedirectTo(c, "account/access-denied");
            o.Events.OnValidatePrincipal = async c =>
            {
                // A session belongs to the tenant that issued it, whatever cookie reaches another tenant.
                var requestServices = c.HttpContext.RequestServices;
                var tenant = requestServices.GetRequiredService<TenantContext>().Tenant;
                if (c.Principal?.FindFirst(LearningClaimsPrincipalFactory.TenantClaim)?.Value != tenant.Name)
                {
                    c.RejectPrincipal();
                    return;
                }

                // The validator checks the account only once the interval has passed since the cookie was issued; the
                // same test made here first spares every other request building it (a UserManager and a SignInManager).
                var stamps = requestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
                if (c.Properties.IssuedUtc is { } issued && (stamps.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued <= stamps.ValidationInterval)
                {
                    return;
                }

                await SecurityStampValidator.ValidatePrincipalAsync(c);
            };
        });

        // The cookie's content is protected for its tenant (a purpose per tenant), not only named after it.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IDataProtectionProvider, IHttpContextAccessor>((o, provider, http) => o.TicketDataFormat = new TenantTicketDataFormat(provider, http));

        var postsPerMinute = configuration.GetValue($"{LearningOptions.Section}:AccountPostsPerMinute", new LearningOptions().AccountPostsPerMinute);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AccountPostsLimit, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("reads");
                }

                var client = $"{context.RequestServices.GetRequiredService<TenantContext>().Tenant.Name}|{context.Connection.RemoteIpAddress}";
                // Several nodes count together in Redis; one node counts in its memory.
                var redis = context.RequestServices.GetRequiredService<RedisConnection>();
                return redis.Multiplexer is { } shared
                    ? RateLimitPartition.Get(client, key => new FixedWindowAcrossNodes(shared, redis.KeyPrefix, key, postsPerMinute, TimeSpan.FromMinutes(1), TimeProvider.System))
                    : RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions { PermitLimit = postsPerMinute, Window = TimeSpan.FromMinutes(1) });
            });
        });

        services.AddScoped<AccountEmails>();
        services.AddScoped<Contracts.UserDirectory>();
        services.AddScoped<Contracts.StructureDirectory>();
        services.AddScoped<Structures>();
        services.AddScoped<IPersonalDataProvider, AccountPersonalData>();
        services.AddScoped<AccountErasure>();
        services.AddSingleton<Contracts.RetentionDelays>();

        // Retention: unconfirmed accounts and old e-mails are deleted on a schedule.
        services.Configure<AccountsOptions>(configuration.GetSection(AccountsOptions.Section));
        var retentionInterval = configuration.GetValue($"{AccountsOptions.Section}:RetentionIntervalMinutes", new AccountsOptions().RetentionIntervalMinutes);
        // A minute after start, not at once: starting the site stays quick, and a job's first run never races its setup.
        services.AddTenantJob<RetentionJob>("retention", TimeSpan.FromMinutes(Math.Max(1, retentionInterval)));
        services.AddSingleton<ITenantSetupStep, AccountsSetupStep>();
        services.AddSingleton(new NavigationItem("Users", "admin/users", 100, typeof(AccountsStrings), Roles.AdministratorPolicy));
        services.AddSingleton(new NavigationItem("Structures", "admin/structures", 101, typeof(AccountsStrings), Roles.AdministratorPolicy));
    }

    public void ConfigureModel(ModelBuilder model) => model
        .ApplyConfiguration(new LearningUserConfiguration())
        .ApplyConfiguration(new RoleConfiguration())
        .ApplyConfiguration(new UserRoleConfiguration())
        .ApplyConfiguration(new UserClaimConfiguration())
        .ApplyConfiguration(new UserLoginConfiguration())
        .ApplyConfiguration(new UserTokenConfiguration())
        .ApplyConfiguration(new RoleClaimConfiguration())
        .ApplyConfiguration(new StructureConfiguration());

    private static Task RedirectTo(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, string page)
    {
        var request = context.Request;
        var returnUrl = request.PathBase + request.Path + request.QueryString;
        context.Response.Redirect($"{CultureLinks.Path(request, Cultures.Current, page)}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        return Task.CompletedTask;
    }
}
