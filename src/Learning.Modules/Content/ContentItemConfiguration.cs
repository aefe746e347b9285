using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Content;

public sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> item)
    {
        item.ToTable("ContentItems");
        item.Property(i => i.Type).HasMaxLength(40);
        item.Property(i => i.SetId).HasMaxLength(100);
        item.Property(i => i.Culture).HasMaxLength(5);
        item.Property(i => i.Slug).HasMaxLength(200);
        item.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        item.Ignore(i => i.IsVisible);
        item.HasIndex(i => new { i.Type, i.SetId, i.Culture }).IsUnique();
        item.HasIndex(i => new { i.Type, i.Culture, i.Slug }).IsUnique();
        item.HasOne(i => i.PublishedVersion).WithMany().HasForeignKey(i => i.PublishedVersionId).OnDelete(DeleteBehavior.Restrict);
        item.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
