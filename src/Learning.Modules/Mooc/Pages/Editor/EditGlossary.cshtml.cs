using Learning.Modules.Content;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Learning.Modules.Mooc.Glossary;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Mooc.Pages.Editor;

/// <summary>Writes the glossary of services in one culture: its entries typed as YAML, checked like an imported file,
/// with the list of entries as a preview.</summary>
[Authorize(Policy = Roles.EditorPolicy)]
public sealed class EditGlossaryModel(LearningDbContext db, ContentPublisher publisher, ContentImporter validator, GlossaryType type, IStringLocalizer<ContentStrings> S)
    : StructuredEditorModel(db, publisher, validator, type, S)
{
    public IReadOnlyList<GlossaryEntry>? Preview { get; private set; }

    protected override void ShowPreview(ContentFields fields) => Preview = GlossaryEntry.ListFrom(fields.Structure("entries"));
}
