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

public sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> media)
    {
        media.ToTable("MediaFiles");
        media.Property(m => m.FileName).HasMaxLength(200);
        media.Property(m => m.ContentType).HasMaxLength(100);
        media.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        media.Property(m => m.StorageName).HasMaxLength(100);
        media.Property(m => m.UploadedBy).HasMaxLength(200);
        media.HasIndex(m => m.StorageName).IsUnique();
    }
}
