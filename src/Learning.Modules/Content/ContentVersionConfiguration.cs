using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Content;

public sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> version)
    {
        version.ToTable("ContentVersions");
        version.Property(v => v.Title).HasMaxLength(300);
        version.Property(v => v.Summary).HasMaxLength(1000);
        version.Property(v => v.Author).HasMaxLength(200);
        version.Property(v => v.Note).HasMaxLength(300);
        version.HasIndex(v => new { v.ItemId, v.Number }).IsUnique();
    }
}
