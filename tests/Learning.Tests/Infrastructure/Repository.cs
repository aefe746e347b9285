namespace Learning.Tests.Infrastructure;

/// <summary>The checkout the tests run from, for tests that read its files.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Learning.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Learning.sln not found above " + AppContext.BaseDirectory);
    }
}
