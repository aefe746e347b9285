using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Feedback;

/// <summary>Feedback's table in the tenant's database (mapped by <see cref="FeedbackModule.ConfigureModel"/>).</summary>
public static class FeedbackTables
{
    extension(LearningDbContext db)
    {
        public DbSet<FeedbackItem> FeedbackItems => db.Set<FeedbackItem>();
    }
}
