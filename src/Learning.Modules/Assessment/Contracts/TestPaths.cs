namespace Learning.Modules.Assessment.Contracts;

/// <summary>The addresses of Assessment's pages that other modules link to, after the culture segment.</summary>
public static class TestPaths
{
    /// <summary>Before submission, what is answered and the submit button; after, the grade and the review.</summary>
    public static string Attempt(int attemptId) => $"tests/attempts/{attemptId}";

    /// <summary>The question at a position (from 1) of an attempt.</summary>
    public static string Question(int attemptId, int position) => $"tests/attempts/{attemptId}/{position}";

    /// <summary>A bank's preview for editors in a language, at one question when named.</summary>
    public static string BankPreview(string bank, string language, string? question = null) =>
        $"editor/banks/preview?bank={Uri.EscapeDataString(bank)}&language={language}" + (question is null ? "" : "#" + QuestionAnchor(question));

    /// <summary>The id of a question's place on the bank's preview (an id holds no spaces).</summary>
    public static string QuestionAnchor(string question) => "question-" + string.Join('-', question.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
