namespace Learning.Modules.Community.Sharing;

/// <summary>A message of a submission's thread, from its learner or from an editor.</summary>
public sealed class SubmissionMessage
{
    public int Id { get; set; }

    public int SubmissionId { get; set; }

    /// <summary>Who wrote it; null once that person erased their account.</summary>
    public string? AuthorId { get; set; }

    /// <summary>Written by an editor (the learner sees "the editors", never an editor's name).</summary>
    public bool FromEditor { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedUtc { get; set; }
}
