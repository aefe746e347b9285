using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Community.Sharing;

/// <summary>The tables of shared practices in the tenant's database (mapped by <see cref="CommunityModule.ConfigureModel"/>).</summary>
public static class SharingTables
{
    extension(LearningDbContext db)
    {
        public DbSet<PracticeSubmission> PracticeSubmissions => db.Set<PracticeSubmission>();

        public DbSet<SubmissionMessage> SubmissionMessages => db.Set<SubmissionMessage>();
    }
}
