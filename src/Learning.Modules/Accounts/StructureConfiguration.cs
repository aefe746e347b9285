using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Accounts;

public sealed class StructureConfiguration : IEntityTypeConfiguration<Structure>
{
    public void Configure(EntityTypeBuilder<Structure> structure)
    {
        structure.ToTable("Structures");
        structure.HasKey(s => s.Id);
        structure.Property(s => s.Name).HasMaxLength(Structure.NameLength);
        structure.Property(s => s.NormalizedName).HasMaxLength(Structure.NameLength);
        structure.Property(s => s.Type).HasMaxLength(40);
        structure.Property(s => s.Municipality).HasMaxLength(Structure.MunicipalityLength);
        structure.Property(s => s.Country).HasMaxLength(2);
        structure.Property(s => s.Status).HasConversion<string>().HasMaxLength(10);
        structure.Property(s => s.ProposedBy).HasMaxLength(450);
        structure.HasIndex(s => s.NormalizedName).IsUnique();
        structure.HasIndex(s => s.ProposedBy);
    }
}
