using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Content;

/// <summary>Content's tables in the tenant's database (mapped by <see cref="ContentModule.ConfigureModel"/>).</summary>
public static class ContentTables
{
    extension(LearningDbContext db)
    {
        public DbSet<ContentItem> ContentItems => db.Set<ContentItem>();

        public DbSet<ContentVersion> ContentVersions => db.Set<ContentVersion>();

        public DbSet<MediaFile> MediaFiles => db.Set<MediaFile>();

        public DbSet<ContentRead> ContentReads => db.Set<ContentRead>();
    }
}
