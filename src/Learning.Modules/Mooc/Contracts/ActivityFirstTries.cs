namespace Learning.Modules.Mooc.Contracts;

/// <summary>
/// How learners fared at their first try of a formative activity: <see cref="Tried"/> learners tried it at least once,
/// and <see cref="FailedAtFirstTry"/> of them did not get it all right the first time (they tried again, or have
/// not completed it). <see cref="Part"/> is the part's id ("part-1").
/// </summary>
public sealed record ActivityFirstTries(string Part, string ActivityId, string Title, int Tried, int FailedAtFirstTry);
