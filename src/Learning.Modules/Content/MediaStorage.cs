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
    private string Folder => Path.Combine(paths.TenantFolder(tenantContext.Tenant.Name), "media");

    public async Task SaveAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        await using var file = File.Create(Path.Combine(Folder, Path.GetFileName(name)));
        await content.CopyToAsync(file, cancellationToken);
    }

    public Stream? Open(string name)
    {
        var file = Path.Combine(Folder, Path.GetFileName(name));
        return File.Exists(file) ? File.OpenRead(file) : null;
    }

    public void Delete(string name) => File.Delete(Path.Combine(Folder, Path.GetFileName(name)));
}
