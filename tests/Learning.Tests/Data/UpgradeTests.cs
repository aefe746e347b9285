using System.Data.Common;
using Learning.Modules.Accounts;
using Learning.Modules.Assessment;
using Learning.Modules.Certificates;
using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Data;
using Learning.Modules.Mooc;
using Learning.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Learning.Tests.Data;

/// <summary>
/// Until 2026-12-05 one set of installation-wide migrations created every table; now each module brings
/// its own. A tenant's database of the old layout (Legacy/schema-2026-11-22.*.sql, dumped from a database
/// the old migrations built), with a row in every table, must come out with the new layout and every row.
/// </summary>
public sealed class UpgradeTests
{
    private static readonly DateTime When = new(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_sqlite_database_of_the_old_layout_is_upgraded_with_every_row_kept()
    {
        var folder = Directory.CreateTempSubdirectory("learning-upgrade-");
        try
        {
            var connectionString = $"Data Source={Path.Combine(folder.FullName, "old.db")};Pooling=false";
            await using (var connection = new SqliteConnection(connectionString))
            {
                await connection.OpenAsync();
                await CreateOldDatabaseAsync(connection, "sqlite");
            }

            await UpgradeAndCheckAsync(new DbContextOptionsBuilder<LearningDbContext>().UseSqlite(connectionString), () => new SqliteConnection(connectionString));
            var created = await MigrationTests.SqliteSchema(Path.Combine(folder.FullName, "created.db"), db => db.Database.EnsureCreatedAsync());
            Assert.Equal(created, await MigrationTests.SqliteSchema(Path.Combine(folder.FullName, "old.db"), _ => Task.CompletedTask));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_postgres_database_of_the_old_layout_is_upgraded_with_every_row_kept()
    {
        var name = $"learning_upgrade_{Guid.NewGuid():n}"[..30];
        var connectionString = new NpgsqlConnectionStringBuilder(Databases.PostgresServer) { Database = name }.ToString();
        await using var server = new NpgsqlConnection(Databases.PostgresServer);
        await server.OpenAsync();
        try
        {
            await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server))
            {
                await create.ExecuteNonQueryAsync();
            }

            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await CreateOldDatabaseAsync(connection, "postgres");
            }

            await UpgradeAndCheckAsync(new DbContextOptionsBuilder<LearningDbContext>().UseNpgsql(connectionString), () => new NpgsqlConnection(connectionString));
            var created = await MigrationTests.PostgresSchema(name + "_c", db => db.Database.EnsureCreatedAsync());
            Assert.Equal(created, await MigrationTests.PostgresSchema(name, _ => Task.CompletedTask));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var database in new[] { name, name + "_c" })
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", server);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    private static async Task UpgradeAndCheckAsync(DbContextOptionsBuilder<LearningDbContext> options, Func<DbConnection> connect)
    {
        await using (var db = MigrationTests.Open(options))
        {
            await SchemaSetupStep.MigrateAsync(db, CancellationToken.None);
            await SchemaSetupStep.MigrateAsync(db, CancellationToken.None); // a second start changes nothing
        }

        await using (var connection = connect())
        {
            await connection.OpenAsync();
            foreach (var table in Tables)
            {
                var count = await MigrationTests.Query(connection, $"""SELECT COUNT(*) FROM "{table}" """, r => r.GetInt64(0));
                Assert.True(count.Single() == 1, $"{table} has {count.Single()} rows instead of 1");
            }

            var history = await MigrationTests.Query(connection, """SELECT "MigrationId" FROM "__EFMigrationsHistory" """, r => r.GetString(0));
            Assert.Equal(
                ["20261122120000_Initial", "20261122130000_Content", "20261122140000_Assessment", "20261122150000_Mooc",
                 "20261205100000_CoreInitial", "20261205100100_AccountsInitial", "20261205100200_ContentInitial",
                 "20261205100300_AssessmentInitial", "20261205100400_CertificatesInitial", "20261205100500_MoocInitial", "20261205150000_AssessmentMarks",
                 "20261205160000_AccountsStructures", "20261205161000_FeedbackInitial", "20261205162000_MoocActivityIndexes",
                 "20261205162001_AssessmentActivityIndexes", "20261205162002_CertificatesChangeIndexes", "20261205162003_ContentReads",
                 "20261205163000_ReportingFacts", "20261205164000_ReportingActivitiesAndAnswers",
                 "20261206100000_DiscussionsInitial",
                 "20261206110000_SharingInitial",
                 "20261206120000_CoreEmailLists",
                 "20261206121000_MoocReminders",
                 "20261206130000_CommunityPrivacyNotices",
                 "20261206140000_DiscussionNotifications",
                 "20261207100000_CoreInstallationTables"],
                history.Order(StringComparer.Ordinal));
        }

        // Each module reads its rows through its own mapping, relations included.
        await using var upgraded = MigrationTests.Open(options);
        var ada = await upgraded.Users.SingleAsync();
        Assert.Equal("Ada Lovelace", ada.DisplayName);
        Assert.Equal(ada.CreatedUtc, ada.ProfileChangedUtc); // her profile has not changed since she registered, as far as anyone knows
        Assert.Null(ada.StructureId);
        Assert.Equal("Mission locale", ada.Organisation); // her free text stays until an administrator matches it
        Assert.Empty(await upgraded.Structures.ToListAsync());
        Assert.Equal("Learner", (await upgraded.Roles.SingleAsync()).Name);
        Assert.Equal("Welcome", (await upgraded.OutboxMessages.SingleAsync()).Subject);
        var item = await upgraded.ContentItems.Include(i => i.PublishedVersion).SingleAsync();
        Assert.Equal("Rebondir", item.PublishedVersion!.Title);
        Assert.Equal("poster.png", (await upgraded.MediaFiles.SingleAsync()).FileName);
        Assert.Equal("q1", (await upgraded.BankQuestions.SingleAsync()).Name);
        var attempt = await upgraded.Attempts.Include(a => a.Answers).SingleAsync();
        Assert.Equal(0.75m, attempt.Score);
        Assert.Equal(0.75m, Assert.Single(attempt.Answers).Score);
        Assert.Equal("ABCDEFGHJKLM", (await upgraded.Certificates.SingleAsync()).Code);
        Assert.Equal("part-2", (await upgraded.Enrolments.SingleAsync()).LastPart);
        Assert.Equal("p2-a05", (await upgraded.ActivityProgress.SingleAsync()).ActivityId);
    }

    private static readonly string[] Tables =
    [
        "AspNetRoles", "AspNetUsers", "AspNetRoleClaims", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserRoles", "AspNetUserTokens",
        "OutboxMessages", "ContentItems", "ContentVersions", "MediaFiles", "ContentSearch",
        "BankQuestions", "Attempts", "AttemptAnswers", "Certificates", "Enrolments", "ActivityProgress",
    ];

    /// <summary>The old schema as dumped, then a row in every table, written with plain SQL as the old site would have.</summary>
    private static async Task CreateOldDatabaseAsync(DbConnection connection, string provider)
    {
        await ExecuteAsync(connection, await File.ReadAllTextAsync(Path.Combine(Repository.Root, "tests", "Learning.Tests", "Data", "Legacy", $"schema-2026-11-22.{provider}.sql")));
        await InsertAsync(connection, "AspNetRoles", ("Id", "role-1"), ("Name", "Learner"), ("NormalizedName", "LEARNER"), ("ConcurrencyStamp", "s"));
        await InsertAsync(connection, "AspNetUsers", ("Id", "user-1"), ("DisplayName", "Ada Lovelace"), ("Organisation", "Mission locale"), ("Country", "France"),
            ("Profession", "Counsellor"), ("PreferredCulture", "fr"), ("PrivacyAcceptedUtc", When), ("CreatedUtc", When), ("UserName", "ada@example.org"),
            ("NormalizedUserName", "ADA@EXAMPLE.ORG"), ("Email", "ada@example.org"), ("NormalizedEmail", "ADA@EXAMPLE.ORG"), ("EmailConfirmed", true),
            ("PasswordHash", "hash"), ("SecurityStamp", "stamp"), ("ConcurrencyStamp", "c"), ("PhoneNumberConfirmed", false), ("TwoFactorEnabled", false),
            ("LockoutEnabled", true), ("AccessFailedCount", 0));
        await InsertAsync(connection, "AspNetRoleClaims", ("RoleId", "role-1"), ("ClaimType", "permission"), ("ClaimValue", "read"));
        await InsertAsync(connection, "AspNetUserClaims", ("UserId", "user-1"), ("ClaimType", "team"), ("ClaimValue", "north"));
        await InsertAsync(connection, "AspNetUserLogins", ("LoginProvider", "example"), ("ProviderKey", "key"), ("ProviderDisplayName", "Example"), ("UserId", "user-1"));
        await InsertAsync(connection, "AspNetUserRoles", ("UserId", "user-1"), ("RoleId", "role-1"));
        await InsertAsync(connection, "AspNetUserTokens", ("UserId", "user-1"), ("LoginProvider", "[AspNetUserStore]"), ("Name", "token"), ("Value", "v"));
        await InsertAsync(connection, "OutboxMessages", ("To", "ada@example.org"), ("Subject", "Welcome"), ("TextBody", "Hello"), ("HtmlBody", "<p>Hello</p>"),
            ("CreatedUtc", When), ("Attempts", 0));
        await InsertAsync(connection, "ContentItems", ("Type", "practice"), ("SetId", "rebondir"), ("Culture", "fr"), ("Slug", "rebondir"), ("Status", "Published"),
            ("LatestVersionNumber", 1), ("CreatedUtc", When), ("UpdatedUtc", When), ("PublishedUtc", When));
        await InsertAsync(connection, "ContentVersions", ("ItemId", 1), ("Number", 1), ("Title", "Rebondir"), ("Summary", "Résumé"), ("Body", "Texte"),
            ("Fields", "{}"), ("Author", "Ada Lovelace"), ("CreatedUtc", When));
        await ExecuteAsync(connection, """UPDATE "ContentItems" SET "PublishedVersionId" = 1""");
        await InsertAsync(connection, "MediaFiles", ("FileName", "poster.png"), ("ContentType", "image/png"), ("Kind", "Image"), ("Length", 120L),
            ("StorageName", "0123456789abcdef.png"), ("UploadedBy", "Ada Lovelace"), ("UploadedUtc", When));
        await InsertAsync(connection, "ContentSearch", ("ItemId", 1), ("Culture", "fr"), ("Text", "rebondir texte"));
        await InsertAsync(connection, "BankQuestions", ("Bank", "mooc/part-1/validation"), ("Name", "q1"), ("Culture", "fr"), ("Data", "{}"), ("UpdatedUtc", When));
        await InsertAsync(connection, "Attempts", ("UserId", "user-1"), ("Bank", "mooc/part-1/validation"), ("Number", 1), ("Questions", "[\"q1\"]"),
            ("ChoiceOrders", "[[]]"), ("PassPercent", 70m), ("StartedUtc", When), ("SubmittedUtc", When), ("Score", 0.75m), ("Passed", true));
        await InsertAsync(connection, "AttemptAnswers", ("AttemptId", 1), ("Position", 0), ("Response", "{}"), ("SavedUtc", When), ("Score", 0.75m));
        await InsertAsync(connection, "Certificates", ("Code", "ABCDEFGHJKLM"), ("UserId", "user-1"), ("RecipientName", "Ada Lovelace"), ("RecipientHash", "sha256$00"),
            ("Salt", "00"), ("Culture", "fr"), ("IssuedUtc", When));
        await InsertAsync(connection, "Enrolments", ("UserId", "user-1"), ("EnrolledUtc", When), ("LastPart", "part-2"), ("LastActivity", "p2-a05"));
        await InsertAsync(connection, "ActivityProgress", ("UserId", "user-1"), ("ActivityId", "p2-a05"), ("Part", "part-2"), ("Tries", 2), ("LastTriedUtc", When),
            ("CompletedUtc", When));
    }

    private static async Task InsertAsync(DbConnection connection, string table, params (string Column, object Value)[] values)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""INSERT INTO "{table}" ({string.Join(", ", values.Select(v => $"\"{v.Column}\""))}) VALUES ({string.Join(", ", values.Select((_, i) => $"@p{i}"))})""";
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = values[i].Value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
