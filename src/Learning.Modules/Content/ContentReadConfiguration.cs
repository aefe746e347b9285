using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Content;

public sealed class ContentReadConfiguration : IEntityTypeConfiguration<ContentRead>
{
    public void Configure(EntityTypeBuilder<ContentRead> read)
    {
        read.ToTable("ContentReads");
        read.HasKey(r => new { r.Type, r.SetId, r.Culture, r.Day });
        read.Property(r => r.Type).HasMaxLength(40);
        read.Property(r => r.SetId).HasMaxLength(100);
        read.Property(r => r.Culture).HasMaxLength(5);
        read.HasIndex(r => new { r.Type, r.Day }); // the most read of a type over a period
    }
}
