using Learning.Modules.Community.Discussions;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Learning.Modules.Community.Pages.Discussions;

/// <summary>The threads a person follows (<c>/{culture}/discussions/followed</c>), each with its replies by others
/// published since they last opened it.</summary>
public sealed class FollowedThreadsModel(DiscussionReader reader, IAuthorizationService authorization) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<(ThreadSummary Thread, int Unread)> Threads { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var editor = (await authorization.AuthorizeAsync(User, Roles.EditorPolicy)).Succeeded;
        Threads = await reader.FollowedAsync(User.UserId()!, editor, Shown, cancellationToken);
    }
}
