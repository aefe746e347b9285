using Learning.Modules.Core.Email;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
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

        /// <summary>The installation's tenants (used in the default tenant's database only).</summary>
        public DbSet<Tenant> Tenants => db.Set<Tenant>();

        /// <summary>The installation's data-protection key ring (used in the default tenant's database only).</summary>
        public DbSet<DataProtectionKey> DataProtectionKeys => db.Set<DataProtectionKey>();
    }
}
