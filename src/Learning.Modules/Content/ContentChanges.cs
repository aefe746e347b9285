using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace Learning.Modules.Content;

/// <summary>
/// Tells in-memory caches built from published content (such as the course outline) that a tenant's
/// content changed: the publisher signals it wherever it evicts the cached reader pages. Like the output
/// cache, it is one node's memory; several nodes would share a distributed cache instead (DESIGN, Scale).
/// </summary>
public sealed class ContentChanges
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> sources = new();

    /// <summary>A token that fires at the tenant's next content change.</summary>
    public IChangeToken Watch(string tenant) => new CancellationChangeToken(sources.GetOrAdd(tenant, _ => new CancellationTokenSource()).Token);

    public void Signal(string tenant)
    {
        // Not disposed: a page may be taking its token at this moment; a cancelled source holds nothing.
        if (sources.TryRemove(tenant, out var source))
        {
            source.Cancel();
        }
    }
}
