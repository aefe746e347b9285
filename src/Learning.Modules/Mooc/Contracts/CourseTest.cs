namespace Learning.Modules.Mooc.Contracts;

/// <summary>A part's validation test: the part's number, the test's question bank, and its page (after the culture).</summary>
public sealed record CourseTest(int Part, string Bank, string PagePath);
