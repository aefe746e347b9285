using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Certificates;

/// <summary>Certificates' table in the tenant's database (mapped by <see cref="CertificatesModule.ConfigureModel"/>).</summary>
public static class CertificatesTables
{
    extension(LearningDbContext db)
    {
        public DbSet<Certificate> Certificates => db.Set<Certificate>();
    }
}
