using Learning.Modules.Community.Discussions;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Learning.Modules.Community.Pages.Discussions;

/// <summary>A person's own messages (<c>/{culture}/discussions/mine</c>), newest first: whether each waits for approval or
/// was hidden, and the editors' reason.</summary>
public sealed class MyMessagesModel(DiscussionReader reader) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<(DiscussionMessage Message, string ThreadTitle)> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Messages = await reader.MineAsync(User.UserId()!, Shown, cancellationToken);
}
