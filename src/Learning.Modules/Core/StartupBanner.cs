using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Learning.Modules.Core.Tenancy;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Core;

/// <summary>
/// What the person who started the site needs, on the console once it listens: where to open it, where its data
/// lives, the base URL of its links and, on the first start, the administrator's one-time password. Written to the
/// console rather than logged, so that the password never reaches a log file or a log collector.
/// </summary>
public static class StartupBanner
{
    public static void PrintWhenStarted(IServiceProvider services, IHostApplicationLifetime lifetime, string? administratorPassword) =>
        lifetime.ApplicationStarted.Register(() =>
        {
            var options = services.GetRequiredService<IOptions<LearningOptions>>().Value;
            var baseUrl = services.GetRequiredService<TenantAddresses>().InstallationBaseUrl;
            var open = TenantAddresses.Listening(services.GetService<IServer>()) ?? baseUrl;
            var lines = new List<string>
            {
                "",
                $"RéSolution is running. Open {open}/",
                $"  Data (databases, media, jobs, e-mail pickup folder): {services.GetRequiredService<DataPaths>().Root}",
                $"  Links in e-mails, PDFs, feeds and badges start with {baseUrl}; other host names get 400 (settings Learning:BaseUrl, Learning:ExtraHosts).",
            };
            if (administratorPassword is not null)
            {
                lines.Add($"  The site was just set up. Administrator: {options.AdminEmail}");
                lines.Add($"  One-time password (shown only this once): {administratorPassword}");
                lines.Add("  It works once: logging in with it leads to choosing your own password.");
            }

            lines.Add("");
            Console.WriteLine(string.Join(Environment.NewLine, lines));
        });
}
