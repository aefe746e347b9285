using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Mooc;

/// <summary>A person's place in the course: when they enrolled, where they stopped, what the positioning quiz suggested.</summary>
public sealed class Enrolment
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public DateTime EnrolledUtc { get; set; }

    /// <summary>The part and activity last opened ("part-2", "p2-a05"), for "continue".</summary>
    public string? LastPart { get; set; }

    public string? LastActivity { get; set; }

    /// <summary>The parts the positioning quiz suggests starting with, comma-separated; null when not taken.</summary>
    public string? SuggestedParts { get; set; }
}

/// <summary>One person's tries at one formative activity; <see cref="CompletedUtc"/> is set by the first all-right try.</summary>
public sealed class ActivityProgress
{
    public string UserId { get; set; } = "";

    public string ActivityId { get; set; } = "";

    public string Part { get; set; } = "";

    public int Tries { get; set; }

    public DateTime LastTriedUtc { get; set; }

    public DateTime? CompletedUtc { get; set; }
}

public sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> enrolment)
    {
        enrolment.ToTable("Enrolments");
        enrolment.Property(e => e.UserId).HasMaxLength(450);
        enrolment.Property(e => e.LastPart).HasMaxLength(100);
        enrolment.Property(e => e.LastActivity).HasMaxLength(100);
        enrolment.Property(e => e.SuggestedParts).HasMaxLength(500);
        enrolment.HasIndex(e => e.UserId).IsUnique();
    }
}

public sealed class ActivityProgressConfiguration : IEntityTypeConfiguration<ActivityProgress>
{
    public void Configure(EntityTypeBuilder<ActivityProgress> progress)
    {
        progress.ToTable("ActivityProgress");
        progress.HasKey(p => new { p.UserId, p.ActivityId });
        progress.Property(p => p.UserId).HasMaxLength(450);
        progress.Property(p => p.ActivityId).HasMaxLength(100);
        progress.Property(p => p.Part).HasMaxLength(100);
    }
}
