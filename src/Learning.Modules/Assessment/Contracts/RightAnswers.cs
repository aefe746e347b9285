namespace Learning.Modules.Assessment.Contracts;

/// <summary>When the review of a submitted attempt shows the right answers (and the feedback, which often names
/// them). Whatever the choice, it shows the person's answers and the points each earned.</summary>
public enum RightAnswers
{
    /// <summary>After every attempt: for practice tests, where retaking to learn the answers does no harm.</summary>
    Always,

    /// <summary>Once the person has passed the test, or has no attempt left: before that, retakes would only
    /// collect the answers to copy.</summary>
    OncePassed,

    /// <summary>Never, for banks whose questions must stay unknown.</summary>
    Never,
}
