using Learning.Modules.Community.Sharing;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Community.Pages.Sharing;

/// <summary>
/// "Share your practice": a signed-in learner writes their practice in the project sheet's fields, in the page's language,
/// with a photo or a PDF if they wish; it becomes a draft practice that the editors complete and publish.
/// </summary>
// The form's texts and a file as large as the media library takes (a PDF of 20 MB); the sharing limit, smaller, is told
// with a message, and anything beyond this is refused before it is read.
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class ShareModel(SharedPractices sharing, IOptions<SharingOptions> options, IStringLocalizer<CommunityStrings> S) : PageModel
{
    public const long MaxRequestBytes = 21 << 20;

    [BindProperty]
    public SubmissionInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public int MaxUploadMegabytes => options.Value.MaxUploadMegabytes;

    public IActionResult OnGet() => sharing.PracticeType is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (sharing.PracticeType is null)
        {
            return NotFound();
        }

        // Checked first: a learner over the limit stores nothing, not even the file.
        if (await sharing.TooManyAsync(User.UserId()!, options.Value.SubmissionsPerDay, cancellationToken))
        {
            ModelState.AddModelError(string.Empty, S["You have shared {0} practices in the last 24 hours: share the next one tomorrow.", options.Value.SubmissionsPerDay]);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (!SubmissionInput.Countries.Contains(Input.Country ?? ""))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Country)}", S["Choose a country from the list."]);
        }

        if (ModelState.IsValid && Input.OrganisationList().Count == 0)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Organisations)}", S["This field is required."]);
        }

        // A file input left empty is posted as a part without name nor content: no file.
        SharedPractices.Upload? upload = Upload is { } file && !(file.Length == 0 && string.IsNullOrEmpty(file.FileName))
            ? new(file.FileName, file.Length, file.OpenReadStream) : null;
        SharedFile? kind = null;
        if (upload is not null)
        {
            var (sniffed, error) = await sharing.CheckAsync(upload, MaxUploadMegabytes, cancellationToken);
            if (error is not null)
            {
                ModelState.AddModelError(nameof(Upload), error);
            }

            kind = sniffed;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (submission, refused) = await sharing.SubmitAsync(User.UserId()!, Cultures.Current, Input, upload, kind, Request.PathBase, cancellationToken);
        if (submission is null)
        {
            ModelState.AddModelError(string.Empty, refused!);
            return Page();
        }

        TempData["Message"] = S["Thank you: your practice is sent to the editors. You will find their messages here."].Value;
        return Redirect(CultureLinks.Path(Request, Cultures.Current, "share/mine") + "#submission-" + submission.Id);
    }
}
