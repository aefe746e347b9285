using Learning.Modules.Core.Email;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Accounts.Pages;

/// <summary>"E-mails I receive", reached from "My account": each list of the platform (reminders, notifications) with
/// the person's choice, which they change here, including opting back in after a one-click unsubscribe.</summary>
public sealed class EmailListsModel(EmailPreferences preferences, IStringLocalizerFactory localizers) : PageModel
{
    public sealed record ListChoice(string Key, string Name, string? Description, bool Receives);

    public IReadOnlyList<ListChoice> Lists { get; private set; } = [];

    /// <summary>The list just changed, for the confirmation.</summary>
    public string? Changed { get; private set; }

    public async Task OnGetAsync(string? changed, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Changed = Lists.FirstOrDefault(l => l.Key == changed)?.Name;
    }

    public async Task<IActionResult> OnPostAsync(string? list, bool receive, CancellationToken cancellationToken)
    {
        var userId = User.UserId()!;
        if (preferences.FindList(list) is not { } found)
        {
            await LoadAsync(cancellationToken);
            ModelState.AddModelError(string.Empty, localizers.Create(typeof(AccountsStrings))["This list does not exist. Reload the page and try again."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (receive)
        {
            await preferences.OptInAsync(userId, found.Key, cancellationToken);
        }
        else
        {
            await preferences.OptOutAsync(userId, found.Key, cancellationToken);
        }

        // Under the tenant's prefix (PathBase): without it the person would land on another tenant's page.
        return LocalRedirect($"{Request.PathBase}{Request.Path}?changed={Uri.EscapeDataString(found.Key)}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var optedOut = await preferences.OptOutsAsync(User.UserId()!, cancellationToken);
        Lists = preferences.Lists.Select(l =>
        {
            var strings = localizers.Create(l.Strings);
            return new ListChoice(l.Key, strings[l.Name], l.Description is { } d ? strings[d].Value : null, !optedOut.Contains(l.Key));
        }).ToList();
    }
}
