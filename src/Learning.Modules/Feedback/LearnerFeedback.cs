using Learning.Modules.Core.Scale;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Modules.Feedback;

/// <summary>A person's own feedback: what they gave of a subject, giving it again, and a subject's average rating.</summary>
/// <remarks>The feedback aside reads a person's own item on every page they open, the course page included, where it
/// was the request's only query (bench/profile.sh): it is kept in memory for <see cref="Freshness"/>, and dropped on
/// every node (<see cref="ClusterSignals"/>) when the person or an editor changes it.</remarks>
public sealed class LearnerFeedback(LearningDbContext db, TimeProvider clock, IMemoryCache cache, ClusterSignals signals, TenantContext tenantContext)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    internal const string Channel = "feedback";

    /// <summary>What the person gave of the subject; null when nothing. Shared by the requests of the next seconds:
    /// read it, never change it.</summary>
    public async Task<FeedbackItem?> OwnAsync(string userId, string kind, string setId, CancellationToken cancellationToken)
    {
        var key = Key(tenantContext.Tenant.Name, userId, kind, setId);
        if (!cache.TryGetValue(key, out FeedbackItem? item))
        {
            item = await db.FeedbackItems.AsNoTracking().SingleOrDefaultAsync(i => i.UserId == userId && i.Kind == kind && i.SetId == setId, cancellationToken);
            cache.Set(key, item, Freshness);
        }

        return item;
    }

    /// <summary>Drops the person's item of a subject from every node's memory, once it changed.</summary>
    public Task ForgetAsync(string userId, string kind, string setId) =>
        signals.PublishAsync(Channel, string.Join('\n', tenantContext.Tenant.Name, userId, kind, setId));

    /// <summary>This node's part of <see cref="ForgetAsync"/>.</summary>
    internal static Task ForgetHere(IServiceProvider services, string message)
    {
        if (message.Split('\n') is [var tenant, var userId, var kind, var setId])
        {
            services.GetRequiredService<IMemoryCache>().Remove(Key(tenant, userId, kind, setId));
        }

        return Task.CompletedTask;
    }

    private static (string, string, string, string, string) Key(string tenant, string userId, string kind, string setId) => (nameof(FeedbackItem), tenant, userId, kind, setId);

    /// <summary>Stores the person's opinion of a subject: one per person and subject, so giving it again updates it; a
    /// changed text goes back to the editors as new.</summary>
    public Task SaveAsync(string userId, FeedbackAnswer answer, CancellationToken cancellationToken) => SaveAsync(userId, answer, retried: false, cancellationToken);

    private async Task SaveAsync(string userId, FeedbackAnswer answer, bool retried, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var item = await db.FeedbackItems.SingleOrDefaultAsync(i => i.UserId == userId && i.Kind == answer.Kind && i.SetId == answer.SetId, cancellationToken);
        if (item is null)
        {
            item = new FeedbackItem { UserId = userId, Kind = answer.Kind, SetId = answer.SetId, Status = FeedbackStatus.New, CreatedUtc = now };
            db.FeedbackItems.Add(item);
        }
        else if (item.Comment != answer.Comment || item.Useful != answer.Useful || item.Improve != answer.Improve)
        {
            if (item.Status != FeedbackStatus.New)
            {
                item.StatusChangedUtc = now;
            }

            item.Status = FeedbackStatus.New;
        }

        item.Culture = answer.Culture;
        item.Rating = answer.Rating;
        item.Comment = answer.Comment;
        item.Useful = answer.Useful;
        item.Improve = answer.Improve;
        item.Recommend = answer.Recommend;
        item.UpdatedUtc = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (item.Id == 0 && !retried)
        {
            // The same person posting twice at once (a double click): the other post created the item; this one updates it.
            db.ChangeTracker.Clear();
            await SaveAsync(userId, answer, retried: true, cancellationToken);
            return;
        }

        await ForgetAsync(userId, answer.Kind, answer.SetId);
    }

    /// <summary>A subject's ratings, in whatever culture they were given; null when it has none.</summary>
    public async Task<SubjectAverage?> AverageAsync(string kind, string setId, CancellationToken cancellationToken)
    {
        var figures = await db.FeedbackItems.AsNoTracking().Where(i => i.Kind == kind && i.SetId == setId && i.Rating != null)
            .GroupBy(i => 1).Select(g => new { Count = g.Count(), Sum = g.Sum(i => i.Rating!.Value) })
            .SingleOrDefaultAsync(cancellationToken);
        return figures is null || figures.Count == 0 ? null : new SubjectAverage(Math.Round((decimal)figures.Sum / figures.Count, 1, MidpointRounding.AwayFromZero), figures.Count);
    }
}
