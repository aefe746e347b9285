using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Content.Pages.Admin;

/// <summary>Content as files: download the tenant's content as a zip, import the installation's
/// content folder again, or import a zip. A broken file stops an import and is listed with its line.</summary>
[Authorize(Policy = Roles.AdministratorPolicy)]
[RequestSizeLimit(MaxZipBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxZipBytes)]
public sealed class ContentFilesModel(ContentImporter importer, ContentExporter exporter, IOptions<ContentOptions> options, IHostEnvironment environment, IStringLocalizer<ContentStrings> S) : PageModel
{
    private const long MaxZipBytes = 50L << 20;

    public ContentImportResult? Result { get; private set; }

    public string? Error { get; private set; }

    public string Folder => options.Value.FolderPath(environment);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var zip = new MemoryStream();
        await exporter.WriteZipAsync(zip, cancellationToken);
        zip.Position = 0;
        return File(zip, "application/zip", $"content-{DateTime.UtcNow:yyyyMMdd}.zip");
    }

    public async Task OnPostFolderAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            Error = S["The content folder {0} does not exist.", Folder];
            return;
        }

        Result = await importer.ImportFolderAsync(Folder, cancellationToken);
    }

    public async Task OnPostZipAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (upload is null || upload.Length == 0)
        {
            Error = S["Choose a zip file to import."];
            return;
        }

        await using var stream = upload.OpenReadStream();
        Result = await importer.ImportZipAsync(stream, cancellationToken);
    }
}
