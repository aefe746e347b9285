namespace Learning.Modules.Core.PersonalData;

/// <summary>
/// A module that keeps data about a person. "Download my data" gathers every provider's export;
/// deleting an account asks every provider to erase what it holds, in the same tenant.
/// </summary>
public interface IPersonalDataProvider
{
    /// <summary>Name of the section in the exported JSON.</summary>
    string Section { get; }

    Task<object?> ExportAsync(string userId, CancellationToken cancellationToken);

    Task EraseAsync(string userId, CancellationToken cancellationToken);
}
