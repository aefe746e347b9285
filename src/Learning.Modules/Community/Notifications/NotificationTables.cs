using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Community.Notifications;

/// <summary>The discussion notifications' tables in the tenant's database.</summary>
public static class NotificationTables
{
    extension(LearningDbContext db)
    {
        public DbSet<NotificationChoice> NotificationChoices => db.Set<NotificationChoice>();

        public DbSet<PlaceFollow> PlaceFollows => db.Set<PlaceFollow>();

        public DbSet<NotifiedMessage> NotifiedMessages => db.Set<NotifiedMessage>();

        public DbSet<NotificationRun> NotificationRuns => db.Set<NotificationRun>();
    }
}
