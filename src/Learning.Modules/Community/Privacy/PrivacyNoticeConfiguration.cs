using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Community.Privacy;

public sealed class PrivacyNoticeConfiguration : IEntityTypeConfiguration<PrivacyNotice>
{
    public void Configure(EntityTypeBuilder<PrivacyNotice> notice)
    {
        notice.ToTable("PrivacyNotices");
        notice.HasKey(n => n.Culture);
        notice.Property(n => n.Culture).HasMaxLength(5);
        notice.Property(n => n.Markdown).HasMaxLength(PrivacyNotice.MaxLength);
        notice.Property(n => n.UpdatedBy).HasMaxLength(450);
    }
}
