using System.ComponentModel.DataAnnotations;
using Learning.Modules.Core;

namespace Learning.Modules.Community.Sharing;

/// <summary>What a learner writes of their practice: the project sheet's fields, its text in four sections, and whether the
/// published sheet may name them. The editors choose the toolbox's facets (publics, themes, types of action) when they
/// complete it.</summary>
public sealed record SubmissionInput
{
    /// <summary>The countries of the toolbox's practices (its facet), named by ICU in the reader's language.</summary>
    public static readonly IReadOnlyList<string> Countries = ["BE", "FR", "ES", "IT", "HU", "LU", "NL", "DE", "PT"];

    [Required(ErrorMessage = "This field is required.")]
    [StringLength(SharingLimits.TitleLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string? Title { get; init; }

    [Required(ErrorMessage = "This field is required.")]
    [StringLength(SharingLimits.SummaryLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string? Summary { get; init; }

    [Required(ErrorMessage = "This field is required.")]
    [StringLength(2000, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string? Organisations { get; init; }

    public string? Country { get; init; }

    [StringLength(SharingLimits.LineLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string? Place { get; init; }

    [StringLength(SharingLimits.LineLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string? Period { get; init; }

    [StringLength(SharingLimits.LineLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string? Contact { get; init; }

    [Required(ErrorMessage = "This field is required.")]
    [StringLength(SharingLimits.SectionLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string? Description { get; init; }

    [StringLength(SharingLimits.SectionLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string? Implementation { get; init; }

    [StringLength(SharingLimits.SectionLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string? Results { get; init; }

    [StringLength(SharingLimits.SectionLength, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string? Transferability { get; init; }

    public bool CreditByName { get; init; }

    /// <summary>The organisations, one per line (commas too, as the practice editor reads them).</summary>
    public List<string> OrganisationList() =>
        (Organisations ?? "").Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
