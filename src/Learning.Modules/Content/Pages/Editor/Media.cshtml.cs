using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Content.Pages.Editor;

/// <summary>The tenant's media library: upload (checked type and size), list, delete.</summary>
[Authorize(Policy = Roles.EditorPolicy)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class MediaModel(LearningDbContext db, MediaUploads uploads, IMediaStorage storage, IStringLocalizer<ContentStrings> S) : PageModel
{
    private const long MaxUploadBytes = 210L << 20;

    public IReadOnlyList<MediaFile> Files { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Files = await db.MediaFiles.AsNoTracking().OrderByDescending(m => m.UploadedUtc).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (upload is null)
        {
            Error = S["Choose a file to upload."];
        }
        else
        {
            await using var stream = upload.OpenReadStream();
            var author = User.DisplayName();
            var (file, error) = await uploads.SaveAsync(upload.FileName, stream, upload.Length, author, cancellationToken);
            if (file is not null)
            {
                Message = S["{0} is in the library.", file.FileName];
                return Redirect(CultureLinks.Path(Request, Cultures.Current, "editor/media"));
            }

            Error = error;
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var file = await db.MediaFiles.FindAsync([id], cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        db.MediaFiles.Remove(file);
        await db.SaveChangesAsync(cancellationToken);
        storage.Delete(file.StorageName);
        Message = S["{0} is deleted.", file.FileName];
        return Redirect(CultureLinks.Path(Request, Cultures.Current, "editor/media"));
    }
}
