using Learning.Modules.Assessment.Contracts;

namespace Learning.Modules.Mooc;

/// <summary>Where a person stands in one part: activities done, and the validation test.</summary>
public sealed record PartStanding(CoursePart Part, int ActivitiesDone, TestStanding? Test)
{
    public int Done => ActivitiesDone + (Test?.Passed == true ? 1 : 0);

    public int Total => Part.Content.Activities.Count + (Part.TestBank is null ? 0 : 1);
}
