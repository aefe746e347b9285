namespace Learning.Modules.Certificates;

/// <summary>
/// The certificate of a person who passed every validation test of the course, with its public
/// verification code. Name and e-mail are copied at issue, so the certificate says what was true then;
/// the e-mail is kept only as a salted hash (the Open Badges recipient).
/// </summary>
public sealed class Certificate
{
    public int Id { get; set; }

    /// <summary>The public verification code, in the verification page's and the badge's addresses.</summary>
    public required string Code { get; set; }

    public required string UserId { get; set; }

    public required string RecipientName { get; set; }

    /// <summary>"sha256$" and the hex SHA-256 of the e-mail followed by <see cref="Salt"/>, as Open Badges 2.0 wants.</summary>
    public required string RecipientHash { get; set; }

    public required string Salt { get; set; }

    /// <summary>The learner's language at issue: the PDF is written in it.</summary>
    public required string Culture { get; set; }

    public DateTime IssuedUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public string? RevocationReason { get; set; }
}
