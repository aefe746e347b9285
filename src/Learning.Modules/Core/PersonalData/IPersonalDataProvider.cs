namespace Learning.Modules.Core.PersonalData;

/// <summary>
/// A module that keeps data about a person. "Download my data" gathers every provider's export into a zip (one JSON
/// file per section, and a readable index); deleting an account asks every provider to erase what it holds, in the
/// same tenant and the same transaction.
/// </summary>
public interface IPersonalDataProvider
{
    /// <summary>Name of the section: its JSON file in the download is <c>{Section}.json</c>.</summary>
    string Section { get; }

    /// <summary>The section's heading in the download's readable index, in the current UI culture (by default its name).</summary>
    string Title => Section;

    /// <summary>What the section holds and why, in the current UI culture, for the readable index.</summary>
    string? Description => null;

    Task<object?> ExportAsync(string userId, CancellationToken cancellationToken);

    Task EraseAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Erases what the provider holds, knowing the choices the person made on the deletion page (by default
    /// the same as <see cref="EraseAsync(string, CancellationToken)"/>).</summary>
    Task EraseAsync(string userId, ErasureChoices choices, CancellationToken cancellationToken) => EraseAsync(userId, cancellationToken);
}
