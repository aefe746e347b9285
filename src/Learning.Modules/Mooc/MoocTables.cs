using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Mooc;

/// <summary>The course's tables in the tenant's database (mapped by <see cref="MoocModule.ConfigureModel"/>).</summary>
public static class MoocTables
{
    extension(LearningDbContext db)
    {
        public DbSet<Enrolment> Enrolments => db.Set<Enrolment>();

        public DbSet<ActivityProgress> ActivityProgress => db.Set<ActivityProgress>();

        public DbSet<Reminders.ReminderSent> RemindersSent => db.Set<Reminders.ReminderSent>();
    }
}
