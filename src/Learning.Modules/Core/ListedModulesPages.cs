using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Learning.Modules.Core;

/// <summary>A page's folder names its module ("/Mooc/Pages/CoursePage.cshtml"): pages of a module that is not
/// listed lose their routes, so they answer 404 like any unknown address.</summary>
internal sealed class ListedModulesPages(IReadOnlyList<ILearningModule> modules) : IPageRouteModelConvention
{
    private readonly HashSet<string> folders = modules.Select(m => m.Folder()).ToHashSet(StringComparer.Ordinal);

    public void Apply(PageRouteModel model)
    {
        if (!folders.Contains(model.RelativePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]))
        {
            model.Selectors.Clear();
        }
    }
}
