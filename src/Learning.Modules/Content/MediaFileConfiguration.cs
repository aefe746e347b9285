using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Content;

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
