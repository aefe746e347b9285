using Learning.Modules.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Accounts;

/// <summary>Accounts' tables in the tenant's database (mapped by <see cref="AccountsModule.ConfigureModel"/>);
/// Identity's stores reach them through the same context.</summary>
public static class AccountsTables
{
    extension(LearningDbContext db)
    {
        public DbSet<LearningUser> Users => db.Set<LearningUser>();

        public DbSet<IdentityRole> Roles => db.Set<IdentityRole>();

        public DbSet<IdentityUserRole<string>> UserRoles => db.Set<IdentityUserRole<string>>();

        public DbSet<Structure> Structures => db.Set<Structure>();
    }
}
