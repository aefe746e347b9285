using System.Xml.Linq;
using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Toolbox;

/// <summary>The Atom feed of newly published practices per culture, and sitemap.xml with hreflang alternates.</summary>
public static class ToolboxFeeds
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    public static async Task<IResult> AtomAsync(string culture, HttpContext context, LearningDbContext db, TenantContext tenantContext)
    {
        var request = context.Request;
        var practices = await db.ContentItems.AsNoTracking().VisibleToReaders()
            .Where(i => i.Type == PracticeType.TypeName && i.Culture == culture)
            .OrderByDescending(i => i.PublishedUtc).Take(30)
            .Select(i => new { i.Slug, i.PublishedUtc, i.PublishedVersion!.Title, i.PublishedVersion.Summary })
            .ToListAsync(context.RequestAborted);
        var self = CultureLinks.Absolute(request, CultureLinks.Path(request, culture, "toolbox/feed.atom"));
        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", culture),
            new XElement(Atom + "id", self),
            new XElement(Atom + "title", tenantContext.Tenant.DisplayName),
            new XElement(Atom + "updated", (practices.FirstOrDefault()?.PublishedUtc ?? DateTime.UnixEpoch).ToString("o")),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", self)),
            new XElement(Atom + "link", new XAttribute("href", CultureLinks.Absolute(request, CultureLinks.Path(request, culture, "toolbox")))),
            practices.Select(p =>
            {
                var address = CultureLinks.Absolute(request, CultureLinks.Path(request, culture, "toolbox/" + p.Slug));
                return new XElement(Atom + "entry",
                    new XElement(Atom + "id", address),
                    new XElement(Atom + "title", p.Title),
                    new XElement(Atom + "updated", p.PublishedUtc!.Value.ToString("o")),
                    new XElement(Atom + "author", new XElement(Atom + "name", tenantContext.Tenant.DisplayName)),
                    new XElement(Atom + "link", new XAttribute("href", address)),
                    new XElement(Atom + "summary", p.Summary));
            }));
        return Results.Text(new XDocument(feed).ToString(), "application/atom+xml; charset=utf-8");
    }

    public static async Task<IResult> SitemapAsync(HttpContext context, LearningDbContext db, TenantContext tenantContext)
    {
        var request = context.Request;
        var cultures = tenantContext.Tenant.Cultures;
        var practices = await db.ContentItems.AsNoTracking().VisibleToReaders()
            .Where(i => i.Type == PracticeType.TypeName)
            .Select(i => new { i.SetId, i.Culture, i.Slug, i.PublishedUtc })
            .ToListAsync(context.RequestAborted);

        // Every page in every culture, each listing its alternates (its own address included).
        var pages = new List<(Dictionary<string, string> Alternates, DateTime? Modified)>
        {
            (cultures.ToDictionary(c => c, c => CultureLinks.Path(request, c, "")), null),
            (cultures.ToDictionary(c => c, c => CultureLinks.Path(request, c, "toolbox")), null),
        };
        pages.AddRange(practices.Where(p => cultures.Contains(p.Culture)).GroupBy(p => p.SetId).Select(set =>
            (set.ToDictionary(p => p.Culture, p => CultureLinks.Path(request, p.Culture, "toolbox/" + p.Slug)), set.Max(p => p.PublishedUtc))));

        var urlset = new XElement(Sitemap + "urlset",
            new XAttribute(XNamespace.Xmlns + "xhtml", Xhtml),
            pages.SelectMany(page => page.Alternates.Select(own => new XElement(Sitemap + "url",
                new XElement(Sitemap + "loc", CultureLinks.Absolute(request, own.Value)),
                page.Modified is { } modified ? new XElement(Sitemap + "lastmod", modified.ToString("yyyy-MM-dd")) : null,
                page.Alternates.Select(a => new XElement(Xhtml + "link",
                    new XAttribute("rel", "alternate"), new XAttribute("hreflang", a.Key), new XAttribute("href", CultureLinks.Absolute(request, a.Value))))))));
        return Results.Text(new XDocument(urlset).ToString(), "application/xml; charset=utf-8");
    }
}
