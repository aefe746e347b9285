namespace Learning.Modules.Assessment;

/// <summary>A question of a bank in one culture. The cultures of a question share its bank and name, as
/// the items of a localization set share their set id.</summary>
public sealed class BankQuestion
{
    public int Id { get; set; }

    /// <summary>The bank, from the file's $CATEGORY: "mooc/part-1/validation".</summary>
    public required string Bank { get; set; }

    /// <summary>The question's name (::p1-q01::), the same in every culture.</summary>
    public required string Name { get; set; }

    public required string Culture { get; set; }

    /// <summary>The whole question (text, answers, fractions, feedback) as JSON.</summary>
    public required string Data { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
