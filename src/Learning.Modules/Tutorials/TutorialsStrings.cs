namespace Learning.Modules.Tutorials;

/// <summary>Marker of the Tutorials module's UI strings (TutorialsStrings.resx and its five translations).</summary>
public sealed class TutorialsStrings;
