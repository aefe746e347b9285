using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Accounts;

/// <summary>Identity's table of tokens kept for a person, as IdentityDbContext maps it.</summary>
public sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> token)
    {
        token.ToTable("AspNetUserTokens");
        token.HasKey(k => new { k.UserId, k.LoginProvider, k.Name });
    }
}
