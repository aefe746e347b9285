using Learning.Modules.Content;

namespace Learning.Modules.Community.Discussions;

/// <summary>Where threads live: under a practice or a part of the course (by their localization set, so a place is the
/// same in every language), or in the tenant's general place. Read through Content: a place exists when readers see it.</summary>
public sealed class DiscussionPlaces(ContentReader reader)
{
    public const string Practice = "practice";
    public const string MoocPart = "mooc-part";
    public const string General = "general";
    public const int TitleLength = 200;

    public static readonly IReadOnlyList<string> Kinds = [Practice, MoocPart, General];

    /// <summary>The place as readers of the culture see it (null when it does not exist for them); the general place has no
    /// title of its own (<see cref="DiscussionPlace.Title"/> null) and lives at the discussions page.</summary>
    public async Task<DiscussionPlace?> FindAsync(string? kind, string? id, string culture, CancellationToken cancellationToken)
    {
        if (kind == General)
        {
            return id == General ? new DiscussionPlace(General, General, null, "discussions") : null;
        }

        if (kind is not (Practice or MoocPart) || id is null || !IsSetId(id))
        {
            return null;
        }

        return await reader.FindInSetAsync(kind, id, culture, cancellationToken) is { } found ? new DiscussionPlace(kind, id, found.Title, found.Path) : null;
    }

    /// <summary>Several places at once (their titles in the culture), those readers no longer see left out.</summary>
    public async Task<IReadOnlyDictionary<(string Kind, string Id), DiscussionPlace>> FindAsync(IEnumerable<(string Kind, string Id)> places, string culture, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string, string), DiscussionPlace>();
        foreach (var kind in places.Distinct().GroupBy(p => p.Kind))
        {
            if (kind.Key == General)
            {
                found[(General, General)] = new DiscussionPlace(General, General, null, "discussions");
            }
            else if (kind.Key is Practice or MoocPart)
            {
                foreach (var (setId, link) in await reader.FindInSetsAsync(kind.Key, kind.Select(p => p.Id).Where(IsSetId).ToList(), culture, cancellationToken))
                {
                    found[(kind.Key, setId)] = new DiscussionPlace(kind.Key, setId, link.Title, link.Path);
                }
            }
        }

        return found;
    }

    /// <summary>A set id as Content writes them, checked before any query (a tampered one may hold a NUL).</summary>
    public static bool IsSetId(string id) => id.Length is >= 2 and <= 100 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && id[0] != '-';
}
