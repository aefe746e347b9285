using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Core.Email.Pages;

/// <summary>
/// One-click unsubscribe (RFC 8058), at the address of every list e-mail's <c>List-Unsubscribe</c> header and footer.
/// GET only shows the list and one button: mail scanners and link previews follow links, so a GET never unsubscribes.
/// POST records the opt-out: the page's own form, or a mail client's <c>List-Unsubscribe=One-Click</c> POST.
/// Neither a sign-in nor an anti-forgery token is asked, and cannot be: a mail client posts without cookies or a page.
/// The exemption is safe because the signed token is the authority: it can only be made by this site's keys for this
/// tenant, names one person and one list, and only ever takes that person off that list (never adds, reads or
/// changes anything else), so a forged cross-site post can do no more than the link's owner asked for by clicking.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(UnsubscribeLinks links, EmailPreferences preferences, TenantContext tenantContext, IStringLocalizerFactory localizers) : PageModel
{
    public string? Token { get; private set; }

    /// <summary>The list's name in the page's language; null when the token is invalid.</summary>
    public string? ListName { get; private set; }

    public string? ListDescription { get; private set; }

    public string Site => tenantContext.Tenant.DisplayName;

    public bool Done { get; private set; }

    /// <summary>Whether the page was opened without a token (not from an e-mail): it says where to go instead.</summary>
    public bool NoToken { get; private set; }

    public IActionResult OnGet(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            NoToken = true;
            return Page();
        }

        return Show(token) is null ? Invalid() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The page's form sends the token as a field; a mail client posts to the header's address, token in the query.
        // No anti-forgery check has read the form before this handler: a body the form reader refuses is refused here.
        string? posted = null;
        if (Request.HasFormContentType)
        {
            try
            {
                posted = (await Request.ReadFormAsync(cancellationToken))["token"].FirstOrDefault();
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
            {
                return Invalid();
            }
        }

        var token = string.IsNullOrEmpty(posted) ? Request.Query["token"].FirstOrDefault() : posted;
        if (Show(token) is not { } found)
        {
            return Invalid();
        }

        await preferences.OptOutAsync(found.UserId, found.List, cancellationToken);
        Done = true;
        return Page();
    }

    private (string UserId, string List)? Show(string? token)
    {
        if (links.Read(tenantContext.Tenant, token) is not { } found || preferences.FindList(found.List) is not { } list)
        {
            return null;
        }

        var strings = localizers.Create(list.Strings);
        Token = token;
        ListName = strings[list.Name];
        ListDescription = list.Description is { } description ? strings[description].Value : null;
        return found;
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Token = null;
        ListName = null;
        return Page();
    }
}
