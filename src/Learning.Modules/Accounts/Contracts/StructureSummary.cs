namespace Learning.Modules.Accounts.Contracts;

/// <summary>A structure of the directory as other modules see it: <paramref name="Type"/> is a key of
/// <see cref="StructureTypes"/>, <paramref name="Country"/> an ISO 3166-1 alpha-2 code, and
/// <paramref name="Proposed"/> says that a learner proposed it and no administrator has approved it yet (it counts all the same).</summary>
public sealed record StructureSummary(int Id, string Name, string Type, string? Municipality, string Country, bool Proposed);
