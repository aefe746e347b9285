namespace Learning.Modules.Assessment.Questions;

/// <summary>The name a person reads for each type (a key of AssessmentStrings).</summary>
public static class QuestionTypes
{
    public static string Name(QuestionType type) => type switch
    {
        QuestionType.SingleChoice => "Single choice",
        QuestionType.MultipleResponse => "Multiple response",
        QuestionType.TrueFalse => "True or false",
        QuestionType.Matching => "Matching",
        QuestionType.Ordering => "Ordering",
        QuestionType.ShortAnswer => "Short answer",
        QuestionType.Numerical => "Numerical",
        _ => "Description",
    };
}
