namespace Learning.Modules.Mooc;

/// <summary>Marker of the Mooc module's UI strings (MoocStrings.resx and its five translations).</summary>
public sealed class MoocStrings;
