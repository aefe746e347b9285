namespace Learning.Modules.Content;

/// <summary>
/// A type of content (a practice, a tutorial…), registered by the module that owns it. The content
/// engine stores, versions, imports and exports items; the type says what its fields must hold, and
/// gives the texts and addresses that Content's pages show of it, so that Content names no type.
/// </summary>
public interface IContentType
{
    /// <summary>The value of "type" in files and in the database, such as "practice".</summary>
    string Name { get; }

    /// <summary>The folder of content/ that holds the type's sets, such as "toolbox".</summary>
    string Folder { get; }

    /// <summary>What a file's name starts with before its culture: "" for "fr.md", "tutorial." for "tutorial.fr.md".</summary>
    string FilePrefix { get; }

    /// <summary>The editor page of an item, after the culture: "editor/practice".</summary>
    string EditorPage { get; }

    /// <summary>The module's strings (their marker class), which hold the type's texts below.</summary>
    Type Strings { get; }

    /// <summary>What editors call an item of the type, a key of <see cref="Strings"/>: "practice".</summary>
    string DisplayName { get; }

    /// <summary>The editors' action that starts an item of the type, a key of <see cref="Strings"/>: "New practice".</summary>
    string NewItemText { get; }

    /// <summary>The readers' page of an item, after the culture: "toolbox/{slug}".</summary>
    string ReaderPath(string setId, string slug);

    /// <summary>The link to an item of the type from readers' pages of the other items of its set (a practice's
    /// page to its tutorial): a key of <see cref="Strings"/> where "{0}" stands for the item's title, or null
    /// when those pages do not link to it.</summary>
    string? CompanionLinkText => null;

    /// <summary>The type's own front-matter keys, in the order files list them.</summary>
    IReadOnlyList<string> FieldKeys { get; }

    /// <summary>The type's fields that translators translate (the others, such as ids, are copied).
    /// Structured fields are walked: every text inside is translated but for <see cref="FixedProperties"/>.</summary>
    IReadOnlyList<string> TranslatableKeys { get; }

    /// <summary>Properties of structured fields that are the same in every culture (ids, roles, timings).</summary>
    IReadOnlySet<string> FixedProperties => new HashSet<string>();

    /// <summary>Checks the type's fields of one file, adding what is wrong with its line.</summary>
    void Validate(ContentFile file, ICollection<ContentImportError> errors);
}
