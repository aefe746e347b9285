using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Community.Discussions;

public sealed class ThreadFollowConfiguration : IEntityTypeConfiguration<ThreadFollow>
{
    public void Configure(EntityTypeBuilder<ThreadFollow> follow)
    {
        follow.ToTable("ThreadFollows");
        follow.Property(f => f.UserId).HasMaxLength(450);
        follow.HasOne<DiscussionThread>().WithMany().HasForeignKey(f => f.ThreadId).OnDelete(DeleteBehavior.Cascade);
        follow.HasIndex(f => new { f.UserId, f.ThreadId }).IsUnique();
        follow.HasIndex(f => f.ThreadId);
    }
}
