using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Community.Sharing;

/// <summary>
/// Share your practice: a learner's practice becomes a draft practice through Content's own API (a new item and its first
/// version, checked like an import), so that editors complete, translate and publish it in the toolbox through the usual
/// workflow; the submission keeps who shared it, the thread with the editors and whether the sheet credits them.
/// </summary>
public sealed class SharedPractices(
    LearningDbContext db,
    IEnumerable<IContentType> types,
    ContentPublisher publisher,
    ContentImporter validator,
    MediaUploads uploads,
    TimeProvider clock,
    IStringLocalizer<CommunityStrings> S)
{
    public const string PracticeTypeName = "practice";

    /// <summary>The toolbox's content type, found by name so that Community does not know Toolbox; null when an installation
    /// leaves the toolbox out (then nothing can be shared).</summary>
    public IContentType? PracticeType { get; } = types.FirstOrDefault(t => t.Name == PracticeTypeName);

    /// <summary>The file a learner joins, checked before anything is stored.</summary>
    public sealed record Upload(string Name, long Length, Func<Stream> Open);

    /// <summary>Checks a joined file by its first bytes and its size: null when it is fine, else what to tell the learner.</summary>
    public async Task<(SharedFile? Kind, string? Error)> CheckAsync(Upload upload, int maxMegabytes, CancellationToken cancellationToken)
    {
        if (upload.Length == 0 || upload.Length > (long)maxMegabytes << 20)
        {
            return (null, S["The file must not be empty nor larger than {0} MB.", maxMegabytes]);
        }

        var header = new byte[16];
        await using var stream = upload.Open();
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        return SharedFile.Sniff(header.AsSpan(0, read)) is { } kind
            ? (kind, null)
            : (null, S["This file is neither a photo (JPEG, PNG or WebP) nor a PDF document. Nothing was saved: choose another file."]);
    }

    /// <summary>Whether the learner already shared <paramref name="perDay"/> practices in the last 24 hours.</summary>
    public async Task<bool> TooManyAsync(string userId, int perDay, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        return await db.PracticeSubmissions.CountAsync(s => s.UserId == userId && s.CreatedUtc > since, cancellationToken) >= perDay;
    }

    /// <summary>Saves the learner's practice as a draft in their culture, the joined file in the media library, and the
    /// submission, in one transaction. Returns the submission, or what is wrong (nothing saved).</summary>
    public async Task<(PracticeSubmission? Submission, string? Error)> SubmitAsync(
        string userId, string culture, SubmissionInput input, Upload? upload, SharedFile? kind, string pathBase, CancellationToken cancellationToken)
    {
        var type = PracticeType ?? throw new InvalidOperationException("The toolbox is left out: nothing can be shared.");
        var title = input.Title!.Trim();
        var summary = input.Summary!.Trim();
        var (setId, slug) = await NewIdentifiersAsync(title, culture, cancellationToken);

        var file = new ContentFile { Path = $"{type.Folder}/{setId}/{type.FilePrefix}{culture}.md", Body = Body(input, null, pathBase) };
        file.Values["type"] = type.Name;
        file.Values["set"] = setId;
        file.Values["culture"] = culture;
        file.Values["slug"] = slug;
        file.Values["title"] = title;
        file.Values["summary"] = summary;
        file.Values["status"] = ContentImporter.FormatStatus(ContentStatus.Draft);
        file.Values["country"] = input.Country!;
        foreach (var (key, value) in new[] { ("place", input.Place), ("period", input.Period), ("contact", input.Contact) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                file.Values[key] = value.Trim();
            }
        }

        file.Lists["organisations"] = input.OrganisationList();
        foreach (var key in new[] { "target_publics", "themes", "action_types", "related" })
        {
            file.Lists[key] = [];
        }

        var errors = await validator.ValidateAsync(file, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, S["The practice could not be saved: {0}", string.Join(" ", errors.Select(e => e.Message))]);
        }

        // The file is stored only once the practice is known good: a refused practice must leave no file behind in the
        // storage, which the transaction below does not roll back (the file's link line changes nothing Content checks).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (upload is not null && kind is not null)
        {
            // Named by what its bytes are, so that Content's checks (by name and first bytes) agree with ours.
            await using var content = upload.Open();
            var (saved, error) = await uploads.SaveAsync(Path.GetFileNameWithoutExtension(upload.Name) + kind.Extension, content, upload.Length, "share", cancellationToken);
            if (saved is null)
            {
                return (null, S["The file was refused: {0}", error!]);
            }

            file.Body = Body(input, saved, pathBase);
        }

        var item = new ContentItem { Type = type.Name, SetId = setId, Culture = culture, Slug = slug, Status = ContentStatus.Draft };
        // The version's author is not the learner's name: the practice stays the tenant's when the learner leaves.
        publisher.AddVersion(item, title, summary, file.Body, ContentFields.ToJson(file, type.FieldKeys), S["A learner (Share your practice)"], null);
        await db.SaveChangesAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var submission = new PracticeSubmission
        {
            UserId = userId,
            ContentItemId = item.Id,
            SetId = setId,
            Culture = culture,
            Title = title,
            Status = SubmissionStatus.Submitted,
            CreditByName = input.CreditByName,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        db.PracticeSubmissions.Add(submission);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (submission, null);
    }

    /// <summary>The sheet's text in the learner's language: the sections the toolbox's sheets have, then the photo or the PDF.
    /// Markdown, rendered by Content's pipeline with raw HTML off.</summary>
    private string Body(SubmissionInput input, MediaFile? media, string pathBase)
    {
        var sections = new List<string>();
        foreach (var (heading, text) in new[]
        {
            (S["Description"], input.Description), (S["Implementation"], input.Implementation),
            (S["Results and figures"], input.Results), (S["Transferability tips"], input.Transferability),
        })
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                sections.Add($"## {heading.Value}\n\n{text.Replace("\r\n", "\n").Trim()}");
            }
        }

        if (media is not null)
        {
            var address = $"{pathBase}/media/{media.StorageName}";
            sections.Add(media.Kind == MediaKind.Image
                ? $"![{S["Photo of the practice"].Value}]({address})"
                : $"[{S["The practice's document (PDF)"].Value}]({address})");
        }

        return string.Join("\n\n", sections) + "\n";
    }

    /// <summary>A set id and a slug made of the title, unused by any item (of any type: a tutorial with the same set would
    /// become the practice's companion).</summary>
    private async Task<(string SetId, string Slug)> NewIdentifiersAsync(string title, string culture, CancellationToken cancellationToken)
    {
        var folded = new string(FoldedText.Of(title).Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-').ToArray());
        var stem = string.Join('-', folded.Split('-', StringSplitOptions.RemoveEmptyEntries));
        stem = stem.Length > 60 ? stem[..60].TrimEnd('-') : stem;
        stem = stem.Length < 2 ? "shared-practice" : stem;
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? stem : $"{stem}-{n}";
            var used = await db.ContentItems.AnyAsync(i => i.SetId == candidate || (i.Type == PracticeTypeName && i.Culture == culture && i.Slug == candidate), cancellationToken);
            if (!used)
            {
                return (candidate, candidate);
            }
        }
    }

    /// <summary>Adds a message to the thread. An editor's first message puts a submitted practice in review.</summary>
    public async Task WriteAsync(PracticeSubmission submission, string authorId, bool fromEditor, string text, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.SubmissionMessages.Add(new SubmissionMessage { SubmissionId = submission.Id, AuthorId = authorId, FromEditor = fromEditor, Text = text, CreatedUtc = now });
        if (fromEditor && submission.Status == SubmissionStatus.Submitted)
        {
            submission.Status = SubmissionStatus.InReview;
        }

        submission.UpdatedUtc = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Declines a practice not published: the reason goes to the learner, and the draft is archived, out of the
    /// editors' way (its versions stay; publishing it later brings it back, and the submission shows it published).</summary>
    public async Task<bool> DeclineAsync(PracticeSubmission submission, string reason, CancellationToken cancellationToken)
    {
        var practice = await db.ContentItems.SingleOrDefaultAsync(i => i.Id == submission.ContentItemId, cancellationToken);
        if (practice is { IsVisible: true })
        {
            return false;
        }

        submission.Status = SubmissionStatus.Declined;
        submission.DeclineReason = reason;
        submission.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        if (practice is not null && practice.Status != ContentStatus.Archived)
        {
            await publisher.WithdrawAsync(practice, ContentStatus.Archived, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Gives or withdraws the credit by name; readers' cached pages are refreshed, since visitors see it.</summary>
    public async Task SetCreditAsync(PracticeSubmission submission, bool credit, CancellationToken cancellationToken)
    {
        if (submission.CreditByName == credit)
        {
            return;
        }

        submission.CreditByName = credit;
        submission.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await publisher.EvictCachedPagesAsync(cancellationToken);
    }

    /// <summary>Each submission's status and links, in one query for their practices.</summary>
    public async Task<IReadOnlyList<SubmissionView>> ViewsAsync(IReadOnlyList<PracticeSubmission> submissions, string culture, CancellationToken cancellationToken)
    {
        var sets = submissions.Select(s => s.SetId).Distinct().ToList();
        var practices = await db.ContentItems.AsNoTracking().Where(i => i.Type == PracticeTypeName && sets.Contains(i.SetId)).ToListAsync(cancellationToken);
        var editorPage = PracticeType?.EditorPage ?? "editor/practice";
        return submissions.Select(s =>
        {
            var own = practices.SingleOrDefault(p => p.Id == s.ContentItemId);
            var visible = practices.Where(p => p.SetId == s.SetId && p.IsVisible)
                .OrderBy(p => p.Culture == culture ? 0 : p.Culture == s.Culture ? 1 : p.Culture == Cultures.Default ? 2 : 3).FirstOrDefault();
            var status = visible is not null ? SubmissionStatus.Published : SubmissionStatuses.Of(s, own);
            var path = visible is null || PracticeType is null ? null : PracticeType.ReaderPath(visible.SetId, visible.Slug);
            return new SubmissionView(s, status, path is null ? null : visible!.Culture, path, $"{editorPage}/{s.ContentItemId}");
        }).ToList();
    }
}
