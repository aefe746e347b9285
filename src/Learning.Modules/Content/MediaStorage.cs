using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;

namespace Learning.Modules.Content;

/// <summary>Where a tenant's media files are kept. The file system by default; shared storage when
/// several web nodes serve the site (DESIGN.md, Scale) would implement the same three operations.</summary>
public interface IMediaStorage
{
    Task SaveAsync(string name, Stream content, CancellationToken cancellationToken);

    Stream? Open(string name);

    void Delete(string name);
}

/// <summary>Media in App_Data/Sites/&lt;tenant&gt;/media/.</summary>
public sealed class FileMediaStorage(DataPaths paths, TenantContext tenantContext) : IMediaStorage
{
    private string Folder => paths.MediaFolder(tenantContext.Tenant.Name);

    /// <summary>Streams into a temporary file, moved into place once complete: a refused or broken upload
    /// leaves no half file under a name the library could serve.</summary>
    public async Task SaveAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var temporary = Path.Combine(Folder, $".upload-{Guid.NewGuid():n}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, 81920, cancellationToken);
            }

            File.Move(temporary, Path.Combine(Folder, Path.GetFileName(name)));
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Stream? Open(string name)
    {
        var file = Path.Combine(Folder, Path.GetFileName(name));
        return File.Exists(file) ? File.OpenRead(file) : null;
    }

    public void Delete(string name) => File.Delete(Path.Combine(Folder, Path.GetFileName(name)));
}
