using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Accounts;

/// <summary>Identity's roles table, as IdentityDbContext maps it.</summary>
public sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> role)
    {
        role.ToTable("AspNetRoles");
        role.HasKey(r => r.Id);
        role.HasIndex(r => r.NormalizedName).HasDatabaseName("RoleNameIndex").IsUnique();
        role.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        role.Property(r => r.Name).HasMaxLength(256);
        role.Property(r => r.NormalizedName).HasMaxLength(256);
        role.HasMany<IdentityUserRole<string>>().WithOne().HasForeignKey(r => r.RoleId).IsRequired();
        role.HasMany<IdentityRoleClaim<string>>().WithOne().HasForeignKey(c => c.RoleId).IsRequired();
    }
}
