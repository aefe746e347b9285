using Learning.Modules.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Data;

/// <summary>
/// The database of one tenant. Each provider has its own subclass so that its hand-written
/// migrations (Migrations/Sqlite, Migrations/Postgres) are found by context type.
/// </summary>
public abstract class LearningDbContext(DbContextOptions options) : IdentityDbContext<LearningUser, IdentityRole, string>(options)
{
    public DbSet<Core.Email.OutboxMessage> OutboxMessages => Set<Core.Email.OutboxMessage>();

    public DbSet<Content.ContentItem> ContentItems => Set<Content.ContentItem>();

    public DbSet<Content.ContentVersion> ContentVersions => Set<Content.ContentVersion>();

    public DbSet<Content.MediaFile> MediaFiles => Set<Content.MediaFile>();

    public DbSet<Assessment.BankQuestion> BankQuestions => Set<Assessment.BankQuestion>();

    public DbSet<Assessment.Attempt> Attempts => Set<Assessment.Attempt>();

    public DbSet<Assessment.AttemptAnswer> AttemptAnswers => Set<Assessment.AttemptAnswer>();

    public DbSet<Certificates.Certificate> Certificates => Set<Certificates.Certificate>();

    public DbSet<Mooc.Enrolment> Enrolments => Set<Mooc.Enrolment>();

    public DbSet<Mooc.ActivityProgress> ActivityProgress => Set<Mooc.ActivityProgress>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Every module keeps its entity configurations beside its entities, in this assembly.
        builder.ApplyConfigurationsFromAssembly(typeof(LearningDbContext).Assembly);
    }
}

public sealed class SqliteLearningDbContext(DbContextOptions<SqliteLearningDbContext> options) : LearningDbContext(options);

public sealed class PostgresLearningDbContext(DbContextOptions<PostgresLearningDbContext> options) : LearningDbContext(options);
