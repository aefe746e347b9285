using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Accounts;

/// <summary>Identity's table of claims about a person, as IdentityDbContext maps it.</summary>
public sealed class UserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> claim)
    {
        claim.ToTable("AspNetUserClaims");
        claim.HasKey(k => k.Id);
    }
}
