using System.Net;
using System.Text.RegularExpressions;
using Ganss.Xss;
using Learning.Modules.Content;
using Microsoft.AspNetCore.Html;

namespace Learning.Modules.Assessment.Questions;

/// <summary>
/// A question's texts rendered as written: plain text encoded, Markdown through the platform's pipeline,
/// HTML and Moodle's auto-format through one sanitiser with a short allow-list (formatting, lists, tables,
/// links and images survive; scripts, event handlers, styles, forms and javascript: links do not). The page's
/// Content-Security-Policy (no inline script, images from the site only) stands behind it.
/// </summary>
public static partial class QuestionText
{
    internal static readonly MarkdownRenderer Markdown = new();

    // Declared before the sanitiser that reads it (static fields are set in order).
    private static readonly HtmlSanitizerOptions Options = new()
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "span", "div", "blockquote", "code", "pre", "hr",
            "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "img", "a", "h3", "h4", "h5", "h6",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "href", "title", "src", "alt", "width", "height", "colspan", "rowspan", "scope", "start", "lang", "dir",
        },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        AllowedCssProperties = new HashSet<string>(),
        AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
    };

    // Configured once, then only read: HtmlSanitizer may be shared by every request.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(Options);
        // An image its author gave no alt text is taken as decoration, so that screen readers skip it rather
        // than read out its address.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "img" } image && !image.HasAttribute("alt"))
            {
                image.SetAttribute("alt", "");
            }
        };
        return sanitizer;
    }

    /// <summary>The longest text a question may hold, and how deep its elements may nest: a question needs far
    /// less, and parsing HTML nested thousands deep takes seconds each time the question is shown.</summary>
    public const int MaxLength = 65_536;

    public const int MaxDepth = 40;

    /// <summary>Why a text cannot be shown to learners, or null when it can.</summary>
    public static string? Refusal(string text, TextFormat format)
    {
        if (text.Length > MaxLength)
        {
            return $"A text of the question is longer than {MaxLength} characters.";
        }

        if (format == TextFormat.Markdown)
        {
            return Markdown.CanRead(text) ? null : "A text of the question nests its Markdown too deep to be shown.";
        }

        var (depth, deepest) = (0, 0);
        foreach (Match tag in AnyTag().Matches(text))
        {
            if (NotCounted.Contains(tag.Groups[2].Value))
            {
                continue;
            }

            if (tag.Groups[1].Length > 0)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (tag.Groups[3].Length == 0)
            {
                deepest = Math.Max(deepest, ++depth);
            }
        }

        return format != TextFormat.Plain && deepest > MaxDepth ? $"A text of the question nests its elements more than {MaxDepth} deep." : null;
    }

    // Elements without content, and those whose end tag may be left out (the parser closes them itself): the
    // depth is carried by the containers around them (div, ul, table, span…).
    private static readonly HashSet<string> NotCounted = new(StringComparer.OrdinalIgnoreCase) { "br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr", "p", "li", "td", "th", "tr", "option" };

    public static IHtmlContent Html(string? text, TextFormat format) => new HtmlString(ToHtml(text, format));

    public static string ToHtml(string? text, TextFormat format) => string.IsNullOrEmpty(text) ? "" : format switch
    {
        TextFormat.Plain => WebUtility.HtmlEncode(text).Replace("\n", "<br>"),
        TextFormat.Markdown => Sanitizer.Sanitize(Markdown.CanRead(text) ? Markdown.ToHtml(text) : WebUtility.HtmlEncode(text)),
        // Moodle's auto-format keeps line breaks; between block elements they would only add blank lines.
        TextFormat.Moodle => Sanitizer.Sanitize(BreakBetweenBlocks().Replace(text.Trim(), "$1").Replace("\n", "<br>")),
        _ => Sanitizer.Sanitize(text),
    };

    /// <summary>The text as words only, for places that cannot hold markup (a list's option, a link, a title);
    /// an image stands there by its alt text.</summary>
    public static string ToPlain(string? text, TextFormat format)
    {
        if (string.IsNullOrEmpty(text) || format == TextFormat.Plain)
        {
            return text ?? "";
        }

        var html = ImageTag().Replace(ToHtml(text, format), m => " " + m.Groups[1].Value + " ");
        return string.Join(' ', WebUtility.HtmlDecode(Tag().Replace(html, " ")).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")]
    private static partial Regex AnyTag();

    [GeneratedRegex("""<img\b[^>]*?\balt="([^"]*)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex ImageTag();

    [GeneratedRegex(@"(</?(?:p|div|ul|ol|li|table|thead|tbody|tr|td|th|h[1-6]|blockquote|pre)\b[^>]*>)\s*\n\s*", RegexOptions.IgnoreCase)]
    private static partial Regex BreakBetweenBlocks();
}
