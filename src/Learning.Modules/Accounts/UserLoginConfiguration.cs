using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Accounts;

/// <summary>Identity's table of external logins, as IdentityDbContext maps it.</summary>
public sealed class UserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> login)
    {
        login.ToTable("AspNetUserLogins");
        login.HasKey(k => new { k.LoginProvider, k.ProviderKey });
    }
}
