namespace Learning.Modules.Assessment;

/// <summary>The answer to the question at <see cref="Position"/> of an attempt (a JSON <see cref="Questions.Response"/>).</summary>
public sealed class AttemptAnswer
{
    public int AttemptId { get; set; }

    public int Position { get; set; }

    public required string Response { get; set; }

    public DateTime SavedUtc { get; set; }

    /// <summary>Set at submission.</summary>
    public decimal? Score { get; set; }
}
