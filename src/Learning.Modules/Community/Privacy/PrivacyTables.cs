using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Community.Privacy;

/// <summary>The privacy notices' table in the tenant's database (mapped by <see cref="CommunityModule.ConfigureModel"/>).</summary>
public static class PrivacyTables
{
    extension(LearningDbContext db)
    {
        public DbSet<PrivacyNotice> PrivacyNotices => db.Set<PrivacyNotice>();
    }
}
