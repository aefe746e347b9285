using Learning.Modules.Content;
using Learning.Modules.Core;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Feedback;

/// <summary>The subjects people give their opinion of, read through Content: whether one exists for readers, its title
/// and its readers' page in a culture (French when not yet translated).</summary>
public sealed class FeedbackSubjects(ContentReader reader, IStringLocalizer<FeedbackStrings> S)
{
    /// <summary>The subject as readers of the culture see it, or null when it does not exist for them (an unknown kind
    /// or set, an archived item, a module the installation left out).</summary>
    public async Task<FeedbackSubject?> FindAsync(string? kind, string? setId, string culture, CancellationToken cancellationToken) =>
        kind is null || setId is null || !FeedbackKinds.All.Contains(kind) || !IsSetId(setId) ? null
        : FeedbackKinds.IsSurvey(kind) ? (setId == FeedbackKinds.CourseSet ? CourseSubject : null)
        : await reader.FindInSetAsync(kind, setId, culture, cancellationToken) is { } found
            ? new FeedbackSubject(kind, setId, found.Title, found.Path) : null;

    /// <summary>Several subjects in one query per kind, by (kind, set); those readers no longer see are left out.</summary>
    public async Task<IReadOnlyDictionary<(string Kind, string SetId), FeedbackSubject>> FindAsync(IEnumerable<(string Kind, string SetId)> subjects, string culture, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string, string), FeedbackSubject>();
        foreach (var kind in subjects.Where(s => FeedbackKinds.All.Contains(s.Kind) && IsSetId(s.SetId)).Distinct().GroupBy(s => s.Kind))
        {
            if (FeedbackKinds.IsSurvey(kind.Key))
            {
                found[(kind.Key, FeedbackKinds.CourseSet)] = CourseSubject;
                continue;
            }

            foreach (var (setId, link) in await reader.FindInSetsAsync(kind.Key, kind.Select(s => s.SetId).ToList(), culture, cancellationToken))
            {
                found[(kind.Key, setId)] = new FeedbackSubject(kind.Key, setId, link.Title, link.Path);
            }
        }

        return found;
    }

    /// <summary>A set id as Content writes them (checked before any query: a tampered one may hold a NUL, which PostgreSQL refuses).</summary>
    public static bool IsSetId(string setId) => setId.Length is >= 2 and <= 100 && setId.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && setId[0] != '-';

    private FeedbackSubject CourseSubject => new(FeedbackKinds.Course, FeedbackKinds.CourseSet, S["The MOOC (end-of-course survey)"], "mooc");
}
