using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Accounts;

/// <summary>Identity's table of a person's roles, as IdentityDbContext maps it.</summary>
public sealed class UserRoleConfiguration : IEntityTypeConfiguration<IdentityUserRole<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<string>> role)
    {
        role.ToTable("AspNetUserRoles");
        role.HasKey(k => new { k.UserId, k.RoleId });
    }
}
