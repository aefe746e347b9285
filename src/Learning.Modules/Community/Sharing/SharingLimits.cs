namespace Learning.Modules.Community.Sharing;

/// <summary>The lengths of what learners and editors write about a shared practice.</summary>
public static class SharingLimits
{
    public const int TitleLength = 300;

    public const int SummaryLength = 1000;

    public const int LineLength = 200;

    public const int SectionLength = 8000;

    public const int MessageLength = 2000;

    public const int ReasonLength = 2000;
}
