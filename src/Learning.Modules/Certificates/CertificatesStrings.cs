namespace Learning.Modules.Certificates;

/// <summary>Marker of the Certificates module's UI strings (CertificatesStrings.resx and its five translations).</summary>
public sealed class CertificatesStrings;
