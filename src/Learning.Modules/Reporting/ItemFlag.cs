namespace Learning.Modules.Reporting;

/// <summary>Why a question should be looked at by its editors (<see cref="ItemAnalysis"/> sets the bounds).</summary>
public enum ItemFlag
{
    /// <summary>Facility above <see cref="ItemAnalysis.HighestFacility"/>: nearly everyone gets it right.</summary>
    TooEasy,

    /// <summary>Facility below <see cref="ItemAnalysis.LowestFacility"/>: nearly everyone gets it wrong.</summary>
    TooHard,

    /// <summary>Discrimination index below <see cref="ItemAnalysis.LowestDiscrimination"/>: those who do well on
    /// the rest of the test do no better on this question.</summary>
    DoesNotDiscriminate,
}
