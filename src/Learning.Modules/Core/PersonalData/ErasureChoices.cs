namespace Learning.Modules.Core.PersonalData;

/// <summary>What the person chose when deleting their account.</summary>
/// <param name="RevokeCertificates">Their certificates answer "revoked" to whoever verifies them, instead of staying
/// genuine (third parties may have verified them already: an employer, a backpack).</param>
public sealed record ErasureChoices(bool RevokeCertificates)
{
    /// <summary>An erasure nobody asked for in person (the retention job): certificates are left as they are.</summary>
    public static ErasureChoices Default { get; } = new(RevokeCertificates: false);
}
