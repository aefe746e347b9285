using System.ComponentModel.DataAnnotations;
using Learning.Modules.Core;

namespace Learning.Modules.Content;

/// <summary>What every editor form of a content item asks for; each type's form adds its own fields.</summary>
public abstract record ContentInput
{
    [Required(ErrorMessage = "This field is required.")]
    [RegularExpression("^[a-z0-9][a-z0-9-]{1,99}$", ErrorMessage = "Use 2 to 100 lower-case letters, digits or dashes.")]
    public string SetId { get; init; } = "";

    [Required(ErrorMessage = "This field is required.")]
    public string Culture { get; init; } = Cultures.Default;

    [Required(ErrorMessage = "This field is required.")]
    [RegularExpression("^[a-z0-9][a-z0-9-]{1,99}$", ErrorMessage = "Use 2 to 100 lower-case letters, digits or dashes.")]
    public string Slug { get; init; } = "";

    [Required(ErrorMessage = "This field is required.")]
    [StringLength(300, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText]
    public string Title { get; init; } = "";

    [Required(ErrorMessage = "This field is required.")]
    [StringLength(1000, ErrorMessage = "This is too long: {1} characters at most.")]
    [TypedText(Lines = true)]
    public string Summary { get; init; } = "";
}
