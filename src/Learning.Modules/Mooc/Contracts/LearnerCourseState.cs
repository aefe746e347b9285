namespace Learning.Modules.Mooc.Contracts;

/// <summary>
/// An enrolled learner's place in the course, for reports: when they enrolled, when they last tried an activity
/// (null when never), the parts they completed (by id, "part-1", in course order) and whether they completed all.
/// A part is completed by the course page's rule: every activity done and its validation test passed.
/// </summary>
public sealed record LearnerCourseState(string UserId, DateTime EnrolledUtc, DateTime? LastTriedUtc, IReadOnlyList<string> PartsCompleted, bool CourseCompleted);
