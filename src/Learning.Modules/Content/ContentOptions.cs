using Microsoft.Extensions.Hosting;

namespace Learning.Modules.Content;

/// <summary>Settings of the "Learning:Content" section.</summary>
public sealed class ContentOptions
{
    /// <summary>The folder imported when a tenant is set up; relative paths start at the content root
    /// (the repository's content/ when run with <c>dotnet run --project src/Learning.Web</c>).</summary>
    public string Folder { get; set; } = "../../content";

    public string FolderPath(IHostEnvironment environment) => Path.GetFullPath(Path.Combine(environment.ContentRootPath, Folder));
}
