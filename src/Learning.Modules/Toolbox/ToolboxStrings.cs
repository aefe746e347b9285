namespace Learning.Modules.Toolbox;

/// <summary>Marker of the Toolbox module's UI strings (ToolboxStrings.resx and its five translations),
/// including the labels of the facets (PracticeVocabulary).</summary>
public sealed class ToolboxStrings;
