using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Accounts;

public sealed class LearningUserConfiguration : IEntityTypeConfiguration<LearningUser>
{
    public void Configure(EntityTypeBuilder<LearningUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(100);
        user.Property(u => u.Organisation).HasMaxLength(200);
        user.Property(u => u.Country).HasMaxLength(100);
        user.Property(u => u.Profession).HasMaxLength(100);
        user.Property(u => u.PreferredCulture).HasMaxLength(5);
    }
}
