namespace Learning.Modules.Feedback;

/// <summary>What people give their opinion of. The first three are content types of the same name (Content's
/// readers find them by type and set); the course's survey has the one set <see cref="CourseSet"/>.</summary>
public static class FeedbackKinds
{
    public const string Practice = "practice";
    public const string Tutorial = "tutorial";
    public const string MoocPart = "mooc-part";
    public const string Course = "mooc-course";

    /// <summary>The set id of the end-of-course survey.</summary>
    public const string CourseSet = "mooc";

    /// <summary>The longest comment, survey answer or reply.</summary>
    public const int TextLength = 2000;

    public static readonly IReadOnlyList<string> All = [Practice, Tutorial, MoocPart, Course];

    /// <summary>The end-of-course survey, where the rating is optional.</summary>
    public static bool IsSurvey(string kind) => kind == Course;

    /// <summary>What editors call the kind, a key of <see cref="FeedbackStrings"/>.</summary>
    public static string DisplayName(string kind) => kind switch
    {
        Practice => "Practice",
        Tutorial => "Tutorial",
        MoocPart => "Part of the MOOC",
        _ => "End-of-course survey",
    };
}
