using Learning.Modules.Core;

namespace Learning.Modules.Mooc.Contracts;

/// <summary>What other modules may know of the course's tests: the ones a learner passes to complete it,
/// in the order of the parts (Certificates issues a certificate once all are passed).</summary>
public sealed class CourseTests(Course course)
{
    public async Task<IReadOnlyList<CourseTest>> RequiredAsync(CancellationToken cancellationToken) =>
        (await course.PartsAsync(Cultures.Default, cancellationToken))
            .Where(p => p.TestBank is not null)
            .Select(p => new CourseTest(p.Number ?? 0, p.TestBank!, PartTests.PagePath(p.SetId)))
            .ToList();
}
