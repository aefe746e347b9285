using Learning.Modules.Content;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Tutorials.Pages.Editor;

/// <summary>Writes a tutorial in one culture; its parts (mind map, timeline, actors, links, testimonials,
/// videos) are typed as YAML and the mind map is drawn from them as a preview.</summary>
[Authorize(Policy = Roles.EditorPolicy)]
public sealed class EditTutorialModel(LearningDbContext db, ContentPublisher publisher, ContentImporter validator, TutorialType type, IStringLocalizer<ContentStrings> S)
    : StructuredEditorModel(db, publisher, validator, type, S)
{
    /// <summary>The parts as last checked, for the preview of the diagrams.</summary>
    public Tutorial? Preview { get; private set; }

    protected override void ShowPreview(ContentFields fields) => Preview = Tutorial.From(fields);
}
