using Learning.Modules.Content;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Mooc.Pages.Editor;

/// <summary>Writes a part of the MOOC in one culture: objectives, video, positioning, activities and document
/// bank typed as YAML, checked like an imported file, with an outline of the activities as a preview.</summary>
[Authorize(Policy = Roles.EditorPolicy)]
public sealed class EditMoocPartModel(LearningDbContext db, ContentPublisher publisher, ContentImporter validator, MoocPartType type, IStringLocalizer<ContentStrings> S)
    : StructuredEditorModel(db, publisher, validator, type, S)
{
    public MoocPart? Preview { get; private set; }

    protected override void ShowPreview(ContentFields fields) => Preview = MoocPart.From(fields);
}
