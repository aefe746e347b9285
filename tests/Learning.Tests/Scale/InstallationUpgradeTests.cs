using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Scale;

/// <summary>Installations set up before the tenant list and the key ring moved into the default tenant's database kept
/// them in App_Data (tenants.json, keys/): the first start after the upgrade takes them in, and nothing is lost.</summary>
public sealed class InstallationUpgradeTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_tenants_of_tenants_json_are_imported_once_and_still_served(Db database)
    {
        var app = new LearningApp(database, content: TestContent.Small());
        try
        {
            var north = new Tenant { Name = "north", DisplayName = "North network", UrlPrefix = "north", DatabaseProvider = DatabaseProvider.Sqlite, CreatedUtc = DateTime.UtcNow };
            await app.Services.GetRequiredService<TenantSetup>().SetUpAsync(north, "chief@north.example");
            var before = app.Services.GetRequiredService<TenantRegistry>().All;
            // The file as the registry used to write it, and a table that does not know it yet.
            var file = Path.Combine(app.DataPath, "tenants.json");
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(before, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } }));
            await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Tenants.ExecuteDeleteAsync());

            app = await app.RestartAsync();

            Assert.Equal(before.Select(t => (t.Name, t.DisplayName, t.UrlPrefix, t.State)), app.Services.GetRequiredService<TenantRegistry>().All.Select(t => (t.Name, t.DisplayName, t.UrlPrefix, t.State)));
            Assert.False(File.Exists(file));
            Assert.True(File.Exists(file + ".imported"));
            Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/north/en/toolbox")).StatusCode);
            Assert.Equal(["default", "north"], await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Tenants.Select(t => t.Name).OrderBy(n => n).ToListAsync()));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_tenants_json_that_places_the_default_tenant_elsewhere_stops_the_start_with_what_to_do()
    {
        var app = new LearningApp(content: TestContent.Only());
        try
        {
            _ = app.Services;
            var moved = app.Services.GetRequiredService<TenantRegistry>().Default! with { DatabaseProvider = DatabaseProvider.Postgres, ConnectionString = "Host=elsewhere;Database=learning" };
            await File.WriteAllTextAsync(Path.Combine(app.DataPath, "tenants.json"), JsonSerializer.Serialize(new[] { moved }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } }));
            await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Tenants.ExecuteDeleteAsync());

            var refused = await Assert.ThrowsAnyAsync<Exception>(async () => app = await app.RestartAsync());

            Assert.Contains("Set Learning:Database to where the default tenant's database is", Flatten(refused));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Keys_kept_in_the_keys_folder_are_imported_and_still_open_what_they_protected()
    {
        var app = new LearningApp(content: TestContent.Only());
        try
        {
            var sealedText = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("kept secret");
            // The ring as the file repository kept it (one key-{id}.xml per key), and a table that does not know it yet.
            var folder = Directory.CreateDirectory(Path.Combine(app.DataPath, "keys")).FullName;
            var keys = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync());
            Assert.NotEmpty(keys);
            foreach (var key in keys)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, $"key-{System.Xml.Linq.XElement.Parse(key).Attribute("id")!.Value}.xml"), key);
            }

            await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().DataProtectionKeys.ExecuteDeleteAsync());

            app = await app.RestartAsync();

            Assert.Equal("kept secret", app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedText));
            Assert.Equal(keys.Count, await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().DataProtectionKeys.CountAsync()));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : $"{e.Message} {Flatten(e.InnerException)}";
}
