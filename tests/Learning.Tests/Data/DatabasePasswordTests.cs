using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Learning.Tests.Data;

public sealed class DatabasePasswordTests
{
    private static Tenant North(string connectionString) => new()
    {
        Name = "north",
        DisplayName = "North",
        DatabaseProvider = DatabaseProvider.Postgres,
        ConnectionString = connectionString,
    };

    [Fact]
    public void A_tenants_database_password_comes_from_the_configuration()
    {
        var options = new LearningOptions { Tenants = { ["north"] = new TenantSecrets { DatabasePassword = "from-the-environment" } } };

        var opened = DatabasePasswords.ForOpening(North("Host=db;Database=north;Username=north"), options);

        Assert.Equal("from-the-environment", new NpgsqlConnectionStringBuilder(opened).Password);
    }

    [Fact]
    public void A_registry_entry_that_still_holds_its_password_keeps_working()
    {
        var opened = DatabasePasswords.ForOpening(North("Host=db;Database=north;Username=north;Password=old-secret"), new LearningOptions());

        Assert.Equal("old-secret", new NpgsqlConnectionStringBuilder(opened).Password);
    }

    [Fact]
    public async Task A_postgres_installation_keeps_its_password_out_of_the_tenant_registry_and_opens_with_it()
    {
        // The test server trusts its clients, so any password connects: what matters is where it is kept.
        var connection = new NpgsqlConnectionStringBuilder(Databases.PostgresServer)
        {
            Database = $"learning_test_{Guid.NewGuid():n}"[..30] + "_default",
            Password = "kept-in-configuration",
        }.ToString();
        var app = new LearningApp(Db.Postgres, new Dictionary<string, string?> { ["Learning:Database:ConnectionString"] = connection }, TestContent.Only());
        try
        {
            _ = app.Services;

            var (registry, opened) = await app.WithTenantAsync(sp =>
            {
                var db = sp.GetRequiredService<LearningDbContext>();
                return Task.FromResult((db.Tenants.Single().ConnectionString, db.Database.GetConnectionString()));
            });

            Assert.Contains(new NpgsqlConnectionStringBuilder(connection).Database!, registry);
            Assert.DoesNotContain("kept-in-configuration", registry);
            Assert.Equal("kept-in-configuration", new NpgsqlConnectionStringBuilder(opened).Password);
        }
        finally
        {
            // The app drops the databases named with its own prefix; this one is named here.
            await app.DisposeAsync();
            await using var server = new NpgsqlConnection(Databases.PostgresServer);
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connection).Database}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
