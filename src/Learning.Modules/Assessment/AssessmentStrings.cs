namespace Learning.Modules.Assessment;

/// <summary>Marker of the Assessment module's UI strings (AssessmentStrings.resx and its five translations).</summary>
public sealed class AssessmentStrings;
