using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Learning.Modules.Content;

/// <summary>
/// The platform's one Markdown pipeline. Raw HTML is off, and links and images may only point to
/// http(s), mailto or the site itself, so nothing an editor writes can run script in a reader's browser.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseListExtras()
        .UseAutoLinks()
        .Build();

    public string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        return document.ToHtml(pipeline);
    }

    /// <summary>Whether the text can be read at all: Markdig refuses elements nested beyond its depth limit with
    /// an ArgumentException when it renders them, which every page showing the text would then throw.</summary>
    public bool CanRead(string markdown)
    {
        try
        {
            ToHtml(markdown);
            ToPlainText(markdown);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The text without its Markdown, for search and summaries.</summary>
    public string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, pipeline);

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        var colon = url.IndexOf(':');
        var slash = url.IndexOfAny(['/', '?', '#']);
        // No scheme (a relative address), or a scheme from the list.
        return colon < 0 || (slash >= 0 && slash < colon) || SafeSchemes.Contains(url[..colon].Trim().ToLowerInvariant());
    }
}
