using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Core.Email;

/// <summary>A person who asked not to receive a list's e-mails (one-click unsubscribe, or "E-mails I receive").</summary>
public sealed class EmailOptOut
{
    public const int ListLength = 64;

    public long Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>The list's key (<see cref="EmailList.Key"/>), such as "reminders".</summary>
    public string List { get; set; } = "";

    public DateTime OptedOutUtc { get; set; }
}

public sealed class EmailOptOutConfiguration : IEntityTypeConfiguration<EmailOptOut>
{
    public void Configure(EntityTypeBuilder<EmailOptOut> optOut)
    {
        optOut.ToTable("EmailOptOuts");
        optOut.Property(o => o.UserId).HasMaxLength(450);
        optOut.Property(o => o.List).HasMaxLength(EmailOptOut.ListLength);
        optOut.HasIndex(o => new { o.UserId, o.List }).IsUnique();
        optOut.HasIndex(o => o.List); // who opted out of a list (features leave them out of a batch)
    }
}
