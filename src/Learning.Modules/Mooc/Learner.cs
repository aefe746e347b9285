using Learning.Modules.Assessment.Contracts;

namespace Learning.Modules.Mooc;

/// <summary>An enrolled person: where they stopped, the activities they have completed, and their tests by bank.</summary>
public sealed record Learner(Enrolment Enrolment, IReadOnlySet<string> Completed, IReadOnlyDictionary<string, TestStanding> Tests);
