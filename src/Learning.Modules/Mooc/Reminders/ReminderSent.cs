using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Mooc.Reminders;

/// <summary>A reminder e-mailed to an inactive learner: when, and the unit it led to (null when it led to the course's start).</summary>
public sealed class ReminderSent
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public DateTime SentUtc { get; set; }

    public string? Part { get; set; }

    public string? Activity { get; set; }
}

public sealed class ReminderSentConfiguration : IEntityTypeConfiguration<ReminderSent>
{
    public void Configure(EntityTypeBuilder<ReminderSent> reminder)
    {
        reminder.ToTable("RemindersSent");
        reminder.Property(r => r.UserId).HasMaxLength(450);
        reminder.Property(r => r.Part).HasMaxLength(100);
        reminder.Property(r => r.Activity).HasMaxLength(100);
        reminder.HasIndex(r => new { r.UserId, r.SentUtc }); // was this learner reminded since their last activity
        reminder.HasIndex(r => r.SentUtc);                   // reminders sent in a period (ReminderFacts)
    }
}
