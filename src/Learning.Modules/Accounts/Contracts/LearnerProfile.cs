namespace Learning.Modules.Accounts.Contracts;

/// <summary>What Reporting may know of a person to count them: when they registered and last changed their profile,
/// their language, structure (an id of <see cref="StructureDirectory"/>), country and profession as they typed them, and
/// whether they have the learner's role (an administrator made by setup has not: funders count learners).</summary>
public sealed record LearnerProfile(string Id, DateTime CreatedUtc, DateTime ProfileChangedUtc, string PreferredCulture, int? StructureId, string? Country, string? Profession, bool IsLearner);
