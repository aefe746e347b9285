using System.Globalization;
using System.Text;
using Learning.Modules.Accounts.Contracts;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Community.Privacy;

/// <summary>
/// The notice a tenant shows until its administrators write their own: in Markdown (so that an administrator starts
/// from it), in the culture asked for, with the delays read from the settings. What it says of cookies is checked by
/// a test against the cookies the platform actually sets.
/// </summary>
public sealed class DefaultPrivacyNotice(IStringLocalizer<CommunityStrings> S, RetentionDelays delays, IOptions<PrivacyOptions> options)
{
    public string Markdown(string culture, string siteName)
    {
        var current = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return Write(siteName);
        }
        finally
        {
            CultureInfo.CurrentUICulture = current;
        }
    }

    private string Write(string siteName)
    {
        var untilDeleted = S["Until you delete your account."];
        var rows = new (string What, string Why, string HowLong)[]
        {
            (S["Your account: e-mail address, password (only as a secure hash), name, organisation and structure, country, profession, preferred language."],
                S["To let you log in, keep your progress and print your name on your certificate."],
                S["Until you delete your account. An account whose e-mail address is never confirmed is deleted after {0} days.", delays.UnconfirmedAccountDays]),
            (S["Your progress in the course: enrolment, activities tried and completed."], S["So that you resume where you stopped, on any device."], untilDeleted),
            (S["Your tests: answers, scores and results."], S["To grade your tests and award the certificate."], untilDeleted),
            (S["Your certificate: the name printed on it, its date and its verification code."], S["So that anyone you show it to can check that it is genuine."],
                S["Until you delete your account; then, as you choose, it stays verifiable or is revoked and your name removed from it."]),
            (S["Your feedback: ratings, comments and survey answers."], S["To improve the practices and the course."], untilDeleted),
            (S["Your discussions: messages, reports of messages and subscriptions."], S["So that learners help each other, and editors can moderate."],
                S["Until you delete your account; then your messages in other people's threads are shown as written by a former member, or removed where this site chose so."]),
            (S["Your shared practices: what you submit, with its attachments, and whether you agreed to be named."], S["To publish them in the toolbox, naming you only if you agreed."], untilDeleted),
            (S["Your reminders: when the platform reminded you to come back to the course, and whether you opted out."], S["To encourage you to finish the course, unless you opted out."], untilDeleted),
            (S["The e-mails the platform sends you (confirmation, password reset, notifications, reminders)."], S["To deliver them, and to show them to you in your data."],
                S["{0} days after they are sent.", delays.SentEmailDays]),
            (S["Anonymous figures: registrations, enrolments, completion and pass rates, by structure and country."], S["The platform's funders ask for them."],
                S["Kept without anything that leads to you, also once you delete your account."]),
            (S["Technical logs: the server's errors and warnings."], S["To keep the platform running and secure."],
                S["At most {0} days, by the platform's host.", options.Value.LogDays]),
        };

        var text = new StringBuilder();
        text.Append(Escape(S["{0} is run by its partner organisations to train professionals of socio-professional insertion. This notice says what we keep about you, why, and for how long.", siteName])).Append("\n\n");
        text.Append("## ").Append(Escape(S["What we keep, why, and for how long"])).Append("\n\n");
        text.Append("| ").Append(Cell(S["What"])).Append(" | ").Append(Cell(S["Why"])).Append(" | ").Append(Cell(S["How long"])).Append(" |\n|---|---|---|\n");
        foreach (var (what, why, howLong) in rows)
        {
            text.Append("| ").Append(Cell(what)).Append(" | ").Append(Cell(why)).Append(" | ").Append(Cell(howLong)).Append(" |\n");
        }

        text.Append('\n').Append("## ").Append(Escape(S["Cookies"])).Append("\n\n");
        text.Append(Escape(S["The platform only sets the cookies it needs to work: no advertising, no tracking, no audience measurement. They need no consent."])).Append("\n\n");
        text.Append("- `.Learning.Session`: ").Append(Escape(S["sign-in: keeps you logged in (up to 14 days, only once you log in)."])).Append('\n');
        text.Append("- `.AspNetCore.Antiforgery.…`: ").Append(Escape(S["anti-forgery: protects the forms you send from being forged by another site (until you close the browser)."])).Append('\n');
        text.Append("- `.AspNetCore.Culture`: ").Append(Escape(S["language: remembers the language you chose (one year)."])).Append('\n');
        text.Append("- `.AspNetCore.Mvc.CookieTempDataProvider`: ").Append(Escape(S["message: carries a confirmation from one page to the next, for editors and administrators (removed once shown)."])).Append("\n\n");
        text.Append("## ").Append(Escape(S["Your rights"])).Append("\n\n");
        text.Append(Escape(S["On your account page you can correct your data, download all of it as a zip file, and delete your account at any time: your personal data is then erased."])).Append('\n');
        return text.ToString();
    }

    /// <summary>Text taken literally: a site's name or a translation never becomes a link, a heading or a table.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if ("\\`*_{}[]#+!|<>~&".Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string Cell(string text) => Escape(text).Replace("\n", " ", StringComparison.Ordinal);
}
