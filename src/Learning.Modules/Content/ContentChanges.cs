using System.Collections.Concurrent;
using Learning.Modules.Core.Scale;
using Microsoft.Extensions.Primitives;

namespace Learning.Modules.Content;

/// <summary>
/// Tells every node that a tenant's content changed: readers' cached pages (the output cache) and in-memory caches
/// built from published content (such as the course outline, which watches <see cref="Watch"/>) are dropped on each
/// node, through <see cref="ClusterSignals"/> (Redis pub/sub when several nodes run).
/// </summary>
public sealed class ContentChanges(ClusterSignals signals)
{
    /// <summary>Published content changed: cached pages and caches built from content.</summary>
    public const string ContentChannel = "content";

    /// <summary>Only what visitors' cached pages show around the content changed (a discussion's threads).</summary>
    public const string PagesChannel = "pages";

    private readonly ConcurrentDictionary<string, CancellationTokenSource> sources = new();

    /// <summary>A token that fires at the tenant's next content change, on this node.</summary>
    public IChangeToken Watch(string tenant) => new CancellationChangeToken(sources.GetOrAdd(tenant, _ => new CancellationTokenSource()).Token);

    public Task PublishedAsync(string tenant) => signals.PublishAsync(ContentChannel, tenant);

    public Task PagesChangedAsync(string tenant) => signals.PublishAsync(PagesChannel, tenant);

    /// <summary>This node's part of <see cref="ContentChannel"/>: fires the tenant's tokens.</summary>
    internal void Signal(string tenant)
    {
        // Not disposed: a page may be taking its token at this moment; a cancelled source holds nothing.
        if (sources.TryRemove(tenant, out var source))
        {
            source.Cancel();
        }
    }
}
