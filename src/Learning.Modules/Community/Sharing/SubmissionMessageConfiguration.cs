using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Community.Sharing;

public sealed class SubmissionMessageConfiguration : IEntityTypeConfiguration<SubmissionMessage>
{
    public void Configure(EntityTypeBuilder<SubmissionMessage> message)
    {
        message.ToTable("SubmissionMessages");
        message.Property(m => m.AuthorId).HasMaxLength(450);
        message.Property(m => m.Text).HasMaxLength(SharingLimits.MessageLength);
        message.HasIndex(m => m.AuthorId);
    }
}
