namespace Learning.Modules.Feedback;

/// <summary>The survey's answer to "would you recommend the course?".</summary>
public enum Recommendation
{
    Yes,
    No,
    NotSure,
}
