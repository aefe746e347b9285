namespace Learning.Modules.Content;

/// <summary>Marker of the Content module's UI strings (ContentStrings.resx and its five translations).</summary>
public sealed class ContentStrings;
