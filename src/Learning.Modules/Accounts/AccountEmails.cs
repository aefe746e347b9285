using System.Globalization;
using System.Text.Encodings.Web;
using Learning.Modules.Core.Email;
using Learning.Modules.Core.Tenancy;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Accounts;

/// <summary>The e-mails of the account workflow, written in the recipient's language and queued in the outbox.</summary>
public sealed class AccountEmails(EmailOutbox outbox, IStringLocalizer<AccountsStrings> S, TenantContext tenantContext)
{
    private string Site => tenantContext.Tenant.DisplayName;

    public void QueueConfirmation(LearningUser user, string link) => Queue(user, link,
        () => S["Confirm your e-mail address"],
        () => Greeting(user),
        () => S["To activate your account on {0}, confirm your e-mail address by opening this link:", Site],
        () => S["If you did not create this account, ignore this e-mail."]);

    public void QueueAlreadyRegistered(LearningUser user, string link) => Queue(user, link,
        () => S["You already have an account"],
        () => Greeting(user),
        () => S["Someone tried to create an account on {0} with this address, which already has one. If it was you, log in, or choose a new password here:", Site],
        () => S["If it was not you, ignore this e-mail: nothing has changed."]);

    public void QueuePasswordReset(LearningUser user, string link) => Queue(user, link,
        () => S["Choose a new password"],
        () => Greeting(user),
        () => S["Someone asked to reset the password of your account on {0}. To choose a new password, open this link:", Site],
        () => S["If it was not you, ignore this e-mail: your password stays the same."]);

    // A name typed at registration is not quoted to an address nobody has confirmed: it would let anyone
    // send their own words, under the site's name, to whatever address they type.
    private string Greeting(LearningUser user) => user.EmailConfirmed ? S["Hello {0},", user.DisplayName] : S["Hello,"];

    private void Queue(LearningUser user, string link, Func<string> subject, Func<string> greeting, Func<string> body, Func<string> footer)
    {
        // Written in the recipient's language, whatever the language of the page that caused it.
        var pageCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(user.PreferredCulture);
        try
        {
            var (s, g, b, f) = (subject(), greeting(), body(), footer());
            var html = HtmlEncoder.Default;
            outbox.Queue(
                user.Email!,
                $"{s} – {Site}",
                $"{g}\n\n{b}\n{link}\n\n{f}\n",
                $"<p>{html.Encode(g)}</p><p>{html.Encode(b)}<br><a href=\"{html.Encode(link)}\">{html.Encode(link)}</a></p><p>{html.Encode(f)}</p>");
        }
        finally
        {
            CultureInfo.CurrentUICulture = pageCulture;
        }
    }
}
