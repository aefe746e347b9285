using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Core.Tenancy;

/// <summary>The installation's tenants, a row each, in the default tenant's database (the table exists in every
/// tenant's database, as the model is one; only the default tenant's is used).</summary>
public sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> tenant)
    {
        tenant.ToTable("Tenants");
        tenant.HasKey(t => t.Name);
        tenant.Property(t => t.Name).HasMaxLength(64);
        tenant.Property(t => t.DisplayName).HasMaxLength(200);
        tenant.Property(t => t.UrlPrefix).HasMaxLength(64);
        tenant.Property(t => t.HostName).HasMaxLength(253);
        tenant.Property(t => t.BaseUrl).HasMaxLength(2000);
        tenant.Property(t => t.Cultures).HasMaxLength(64).HasConversion(
            cultures => string.Join(',', cultures),
            text => text.Split(',', StringSplitOptions.RemoveEmptyEntries),
            new ValueComparer<IReadOnlyList<string>>((a, b) => a!.SequenceEqual(b!), c => string.Join(',', c).GetHashCode(), c => c.ToList()));
        tenant.Property(t => t.DefaultCulture).HasMaxLength(8);
        tenant.Property(t => t.DatabaseProvider).HasMaxLength(16).HasConversion<string>();
        tenant.Property(t => t.ConnectionString).HasMaxLength(2000);
        tenant.Property(t => t.State).HasMaxLength(16).HasConversion<string>();
        tenant.Ignore(t => t.IsDefault);
    }
}
