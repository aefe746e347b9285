using System.ComponentModel.DataAnnotations;

namespace Learning.Modules.Core;

/// <summary>
/// Text as a person types it: without control characters (a NUL, which PostgreSQL cannot store; an escape; a bell),
/// and on one line unless <see cref="Lines"/>. A browser's one-line field drops line breaks, so these come from a
/// pasted tab or a tampered form; a name or a title with them would show broken in lists, e-mails and certificates.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TypedTextAttribute : ValidationAttribute
{
    private readonly bool lines;

    public TypedTextAttribute() => ErrorMessage = "Write this on a single line, without tabs or invisible control characters.";

    /// <summary>A text of several lines, where line breaks and tabs belong.</summary>
    public bool Lines
    {
        get => lines;
        init
        {
            lines = value;
            ErrorMessage = value ? "Remove the invisible control characters from this text." : ErrorMessage;
        }
    }

    public override bool IsValid(object? value) => value is not string text || IsTyped(text, Lines);

    public static bool IsTyped(string text, bool lines = false) => !text.Any(c => char.IsControl(c) && !(lines && c is '\n' or '\r' or '\t'));

    /// <summary>A one-line text kept rather than refused: control characters become spaces, then it is trimmed and cut to
    /// <paramref name="max"/> characters, never between the two halves of a character; null when nothing is left.</summary>
    public static string? Tidy(string? text, int max)
    {
        var tidy = Cut(new string((text ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim(), max).TrimEnd();
        return tidy.Length == 0 ? null : tidy;
    }

    /// <summary>At most <paramref name="max"/> characters, never cut between the two halves of a character (an emoji),
    /// which would leave half of it, invalid in any encoding.</summary>
    public static string Cut(string text, int max) =>
        text.Length <= max ? text : text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];
}
