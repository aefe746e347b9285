namespace Learning.Modules.Certificates.Contracts;

/// <summary>A certificate as reports know it: whose (an opaque user id), when issued, and when revoked if it was.</summary>
public sealed record IssuedCertificate(int Id, string UserId, DateTime IssuedUtc, DateTime? RevokedUtc);
