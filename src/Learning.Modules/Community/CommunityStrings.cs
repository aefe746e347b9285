namespace Learning.Modules.Community;

/// <summary>Marker of the Community module's UI strings (CommunityStrings.resx and its five translations).</summary>
public sealed class CommunityStrings;
