using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Community.Discussions;

/// <summary>The discussions' tables in the tenant's database (mapped by <see cref="CommunityModule.ConfigureModel"/>).</summary>
public static class DiscussionTables
{
    extension(LearningDbContext db)
    {
        public DbSet<DiscussionThread> DiscussionThreads => db.Set<DiscussionThread>();

        public DbSet<DiscussionMessage> DiscussionMessages => db.Set<DiscussionMessage>();

        public DbSet<MessageReport> MessageReports => db.Set<MessageReport>();

        public DbSet<DiscussionSettings> DiscussionSettings => db.Set<DiscussionSettings>();

        public DbSet<ThreadFollow> ThreadFollows => db.Set<ThreadFollow>();
    }
}
