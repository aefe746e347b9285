namespace Learning.Modules.Reporting;

/// <summary>Marker of the Reporting module's UI strings (ReportingStrings.resx and its five translations).</summary>
public sealed class ReportingStrings;
