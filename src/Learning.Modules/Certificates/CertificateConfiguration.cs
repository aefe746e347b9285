using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Certificates;

public sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> certificate)
    {
        certificate.ToTable("Certificates");
        certificate.Property(c => c.Code).HasMaxLength(32);
        certificate.Property(c => c.UserId).HasMaxLength(450);
        certificate.Property(c => c.RecipientName).HasMaxLength(200);
        certificate.Property(c => c.RecipientHash).HasMaxLength(100);
        certificate.Property(c => c.Salt).HasMaxLength(64);
        certificate.Property(c => c.Culture).HasMaxLength(5);
        certificate.Property(c => c.RevocationReason).HasMaxLength(500);
        certificate.HasIndex(c => c.Code).IsUnique();
        certificate.HasIndex(c => c.UserId).IsUnique(); // one course: one certificate per person
        certificate.HasIndex(c => c.IssuedUtc); // reports: certificates issued or revoked since a moment
        certificate.HasIndex(c => c.RevokedUtc);
    }
}
