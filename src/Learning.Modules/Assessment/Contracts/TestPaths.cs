namespace Learning.Modules.Assessment.Contracts;

/// <summary>The addresses of an attempt's pages, after the culture segment.</summary>
public static class TestPaths
{
    /// <summary>Before submission, what is answered and the submit button; after, the grade and the review.</summary>
    public static string Attempt(int attemptId) => $"tests/attempts/{attemptId}";

    /// <summary>The question at a position (from 1) of an attempt.</summary>
    public static string Question(int attemptId, int position) => $"tests/attempts/{attemptId}/{position}";
}
