using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Community.Discussions;

public sealed class MessageReportConfiguration : IEntityTypeConfiguration<MessageReport>
{
    public void Configure(EntityTypeBuilder<MessageReport> report)
    {
        report.ToTable("MessageReports");
        report.Property(r => r.ReporterId).HasMaxLength(450);
        report.Property(r => r.Reason).HasMaxLength(MessageReport.ReasonLength);
        report.Property(r => r.ResolvedBy).HasMaxLength(450);
        report.HasOne<DiscussionMessage>().WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
        // One open report per person and message is enough; the queue reads the open ones.
        report.HasIndex(r => new { r.MessageId, r.ReporterId });
        report.HasIndex(r => new { r.ResolvedUtc, r.CreatedUtc });
        report.HasIndex(r => new { r.ReporterId, r.CreatedUtc });
    }
}
