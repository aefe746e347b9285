using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Community.Notifications;

/// <summary>What a person chose to receive by e-mail about the discussions they follow (opt-in: none by default).</summary>
public enum NotificationMode
{
    None,
    EachMessage,
    DailyDigest,
}

/// <summary>A person's choice of discussion e-mails. No row means <see cref="NotificationMode.None"/>.</summary>
public sealed class NotificationChoice
{
    public string UserId { get; set; } = "";

    public NotificationMode Mode { get; set; }

    /// <summary>When the person turned e-mails on (from none): nothing published before is ever e-mailed to them.</summary>
    public DateTime SinceUtc { get; set; }

    public DateTime ChangedUtc { get; set; }
}

/// <summary>A person follows a place (a practice's, a MOOC part's discussions, or the general place): they hear of its new
/// threads in <see cref="Culture"/> (every language when null).</summary>
public sealed class PlaceFollow
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string PlaceKind { get; set; } = "";

    public string PlaceId { get; set; } = "";

    public string? Culture { get; set; }

    public DateTime FollowedUtc { get; set; }
}

/// <summary>A message e-mailed to a person (alone or in a digest): never twice.</summary>
public sealed class NotifiedMessage
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public int MessageId { get; set; }

    public DateTime SentUtc { get; set; }

    public bool Digest { get; set; }
}

/// <summary>The tenant's watermark: messages published up to <see cref="ThroughUtc"/> were looked at, and when the last
/// daily digest went.</summary>
public sealed class NotificationRun
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    public DateTime ThroughUtc { get; set; }

    public DateTime? LastDigestUtc { get; set; }
}

public sealed class NotificationChoiceConfiguration : IEntityTypeConfiguration<NotificationChoice>
{
    public void Configure(EntityTypeBuilder<NotificationChoice> choice)
    {
        choice.ToTable("DiscussionNotificationChoices");
        choice.HasKey(c => c.UserId);
        choice.Property(c => c.UserId).HasMaxLength(450);
        choice.Property(c => c.Mode).HasConversion<string>().HasMaxLength(20);
        choice.HasIndex(c => c.Mode);
    }
}

public sealed class PlaceFollowConfiguration : IEntityTypeConfiguration<PlaceFollow>
{
    public void Configure(EntityTypeBuilder<PlaceFollow> follow)
    {
        follow.ToTable("PlaceFollows");
        follow.Property(f => f.UserId).HasMaxLength(450);
        follow.Property(f => f.PlaceKind).HasMaxLength(20);
        follow.Property(f => f.PlaceId).HasMaxLength(100);
        follow.Property(f => f.Culture).HasMaxLength(5);
        follow.HasIndex(f => new { f.UserId, f.PlaceKind, f.PlaceId }).IsUnique();
        follow.HasIndex(f => new { f.PlaceKind, f.PlaceId });
    }
}

public sealed class NotifiedMessageConfiguration : IEntityTypeConfiguration<NotifiedMessage>
{
    public void Configure(EntityTypeBuilder<NotifiedMessage> notified)
    {
        notified.ToTable("DiscussionNotificationsSent");
        notified.Property(n => n.UserId).HasMaxLength(450);
        notified.HasIndex(n => new { n.UserId, n.MessageId }).IsUnique();
        notified.HasIndex(n => n.MessageId);
        notified.HasIndex(n => n.SentUtc);
    }
}

public sealed class NotificationRunConfiguration : IEntityTypeConfiguration<NotificationRun>
{
    public void Configure(EntityTypeBuilder<NotificationRun> run)
    {
        run.ToTable("DiscussionNotificationRuns");
        run.Property(r => r.Id).ValueGeneratedNever();
    }
}
