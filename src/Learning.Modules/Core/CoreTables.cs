using Learning.Modules.Core.Email;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Core;

/// <summary>Core's tables in the tenant's database (mapped by <see cref="CoreModule.ConfigureModel"/>).</summary>
public static class CoreTables
{
    extension(LearningDbContext db)
    {
        public DbSet<OutboxMessage> OutboxMessages => db.Set<OutboxMessage>();

        public DbSet<EmailOptOut> EmailOptOuts => db.Set<EmailOptOut>();
    }
}
