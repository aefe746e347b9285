using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Accounts;

/// <summary>The person's table: Identity's columns and indexes (as IdentityDbContext maps them, schema
/// version 1), and the platform's own profile columns.</summary>
public sealed class LearningUserConfiguration : IEntityTypeConfiguration<LearningUser>
{
    public void Configure(EntityTypeBuilder<LearningUser> user)
    {
        user.ToTable("AspNetUsers");
        user.HasKey(u => u.Id);
        user.HasIndex(u => u.NormalizedUserName).HasDatabaseName("UserNameIndex").IsUnique();
        user.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex");
        user.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
        user.Property(u => u.UserName).HasMaxLength(256);
        user.Property(u => u.NormalizedUserName).HasMaxLength(256);
        user.Property(u => u.Email).HasMaxLength(256);
        user.Property(u => u.NormalizedEmail).HasMaxLength(256);
        user.HasMany<IdentityUserClaim<string>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
        user.HasMany<IdentityUserLogin<string>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
        user.HasMany<IdentityUserToken<string>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
        user.HasMany<IdentityUserRole<string>>().WithOne().HasForeignKey(r => r.UserId).IsRequired();

        user.Property(u => u.DisplayName).HasMaxLength(100);
        user.Property(u => u.Organisation).HasMaxLength(200);
        user.Property(u => u.Country).HasMaxLength(100);
        user.Property(u => u.Profession).HasMaxLength(100);
        user.Property(u => u.PreferredCulture).HasMaxLength(5);
        user.HasIndex(u => u.StructureId);
        user.HasIndex(u => u.ProfileChangedUtc);
    }
}
