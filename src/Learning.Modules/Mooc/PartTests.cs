using Learning.Modules.Assessment.Contracts;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Mooc;

/// <summary>
/// Each part's validation test: its question bank is named after the part ("mooc/part-2/validation", the
/// $CATEGORY of content/mooc/part-2/validation.*.gift), and its page is the part's "test" page. The attempt
/// pages (Assessment's) learn from here what the test is called and where to go back.
/// </summary>
public sealed class PartTests(IStringLocalizer<MoocStrings> S) : ITestOwner
{
    private const string Prefix = "mooc/";
    private const string Suffix = "/validation";

    public static string Bank(string partSetId) => Prefix + partSetId + Suffix;

    /// <summary>The part's test page, after the culture.</summary>
    public static string PagePath(string partSetId) => $"mooc/{partSetId}/test";

    /// <summary>The part whose test a bank is; null for a bank that is not the course's.</summary>
    public static string? PartOf(string bank) =>
        bank.StartsWith(Prefix, StringComparison.Ordinal) && bank.EndsWith(Suffix, StringComparison.Ordinal) && bank.Length > Prefix.Length + Suffix.Length
            ? bank[Prefix.Length..^Suffix.Length]
            : null;

    public TestPlace? Describe(string bank) => PartOf(bank) is { } part
        ? new TestPlace(CoursePart.NumberOf(part) is { } n ? S["Validation test of part {0}", n] : S["Validation test"], PagePath(part))
        : null;
}
