using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Learning.Modules.Mooc.Pages;

/// <summary>A part: introduction, objectives, video with subtitles and transcript, activities, test and document bank.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = ContentCachePolicy.Name)]
public sealed class PartPageModel(Course course, CourseProgress progress, ContentReader reader, MarkdownRenderer markdown, TenantContext tenantContext, Glossary.ServiceGlossary glossary) : PageModel
{
    public CoursePart Part { get; private set; } = null!;

    public string IntroductionHtml { get; private set; } = "";

    public PartStanding? Standing { get; private set; }

    public IReadOnlySet<string> Completed { get; private set; } = new HashSet<string>();

    public IReadOnlyDictionary<string, ReaderLink> Practices { get; private set; } = new Dictionary<string, ReaderLink>();

    /// <summary>The glossary's entries, by id, that the bank's services name and that the glossary holds.</summary>
    public IReadOnlyDictionary<string, Glossary.GlossaryEntry> GlossaryEntries { get; private set; } = new Dictionary<string, Glossary.GlossaryEntry>();

    /// <summary>The cultures the part is written in: each gives the video a subtitle track.</summary>
    public IReadOnlyList<string> Translations { get; private set; } = [];

    public bool NotTranslated => Part.Culture != Cultures.Current;

    public async Task<IActionResult> OnGetAsync(string part, CancellationToken cancellationToken)
    {
        if (await course.PartAsync(part, Cultures.Current, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Part = found;
        var translations = new List<string>();
        foreach (var culture in tenantContext.Tenant.Cultures)
        {
            if ((await course.PartAsync(part, culture, cancellationToken))?.Culture == culture)
            {
                translations.Add(culture); // from memory once each culture's outline has been read
            }
        }

        Translations = translations;
        IntroductionHtml = markdown.ToHtml(found.Body);
        Practices = await reader.FindInSetsAsync(MoocPartType.LinkedPracticeType, found.Content.Documents.Practices, Cultures.Current, cancellationToken);
        if (found.Content.Documents.Services.Any(d => d.Glossary is not null) && await glossary.InAsync(Cultures.Current, cancellationToken) is { } services)
        {
            GlossaryEntries = found.Content.Documents.Services.Select(d => services.Find(d.Glossary)).OfType<Glossary.GlossaryEntry>().DistinctBy(e => e.Id).ToDictionary(e => e.Id);
        }

        if (User.UserId() is { } userId && await progress.LearnerAsync(userId, cancellationToken) is { } learner)
        {
            Completed = learner.Completed;
            Standing = CourseProgress.Standings(learner, [found])[0];
        }

        return Page();
    }
}
