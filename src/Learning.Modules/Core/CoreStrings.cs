namespace Learning.Modules.Core;

/// <summary>Marker of Core's UI strings (CoreStrings.resx and its five translations): layout,
/// navigation, error pages, validation messages and tenant administration.</summary>
public sealed class CoreStrings;
