using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Community.Discussions;

public sealed class DiscussionThreadConfiguration : IEntityTypeConfiguration<DiscussionThread>
{
    public void Configure(EntityTypeBuilder<DiscussionThread> thread)
    {
        thread.ToTable("DiscussionThreads");
        thread.Property(t => t.PlaceKind).HasMaxLength(20);
        thread.Property(t => t.PlaceId).HasMaxLength(100);
        thread.Property(t => t.Culture).HasMaxLength(5);
        thread.Property(t => t.Title).HasMaxLength(DiscussionPlaces.TitleLength);
        thread.Property(t => t.AuthorId).HasMaxLength(450);
        // A place's threads, the tenant's recent ones, and a person's.
        thread.HasIndex(t => new { t.PlaceKind, t.PlaceId, t.LastActivityUtc });
        thread.HasIndex(t => t.LastActivityUtc);
        thread.HasIndex(t => t.AuthorId);
    }
}
