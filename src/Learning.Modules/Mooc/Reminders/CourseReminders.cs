using System.Globalization;
using Learning.Modules.Accounts.Contracts;
using Learning.Modules.Core.Email;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Mooc.Reminders;

/// <summary>
/// E-mails enrolled learners who have been away from the course for <see cref="MoocOptions.RemindAfterDays"/> days,
/// once per period of inactivity: a learner reminded is reminded again only after coming back (opening or trying an
/// activity, handing in a part's test) and staying away as long again. The e-mail names the unit where they stopped and
/// links straight to it, in their language, with the one-click opt-out of the "reminders" list. Never sent to accounts
/// that are gone or unconfirmed, to those who opted out, nor to those who completed the course.
/// </summary>
public sealed class CourseReminders(
    LearningDbContext db,
    Course course,
    LearnerStates states,
    UserDirectory directory,
    EmailPreferences preferences,
    EmailOutbox outbox,
    TenantContext tenantContext,
    TenantAddresses addresses,
    IOptions<MoocOptions> options,
    IStringLocalizer<MoocStrings> S,
    TimeProvider clock)
{
    /// <summary>The e-mail list of reminders (<see cref="EmailList"/>), which learners may leave.</summary>
    public const string List = "reminders";

    private const int BatchSize = 500;

    /// <summary>Sends the reminders due now in the current tenant; returns how many were queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.RemindAfterDays;
        if (days <= 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-days);
        var progress = db.ActivityProgress; // queries inside a query: extension properties cannot appear in expression trees
        var reminders = db.RemindersSent;
        var sent = 0;
        var afterId = 0;
        while (true)
        {
            // Away since the cutoff (enrolled, last seen and last tried at or before it), and not reminded since they were
            // last active: no reminder later than their enrolment, last visit and every try.
            var due = await db.Enrolments.AsNoTracking()
                .Where(e => e.Id > afterId
                            && e.EnrolledUtc <= cutoff
                            && (e.LastSeenUtc == null || e.LastSeenUtc <= cutoff)
                            && !progress.Any(p => p.UserId == e.UserId && p.LastTriedUtc > cutoff)
                            && !reminders.Any(r => r.UserId == e.UserId
                                                   && r.SentUtc > e.EnrolledUtc
                                                   && (e.LastSeenUtc == null || r.SentUtc > e.LastSeenUtc)
                                                   && !progress.Any(p => p.UserId == e.UserId && p.LastTriedUtc >= r.SentUtc)))
                .OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.UserId, e.LastPart, e.LastActivity })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return sent;
            }

            afterId = due[^1].Id;
            var ids = due.Select(d => d.UserId).ToList();
            var contacts = await directory.ContactsAsync(ids, cancellationToken);
            var optedOut = await preferences.OptedOutAsync(ids, List, cancellationToken);
            var completed = (await states.StatesAsync(ids, cancellationToken)).Where(s => s.CourseCompleted).Select(s => s.UserId).ToHashSet();
            foreach (var learner in due)
            {
                if (!contacts.TryGetValue(learner.UserId, out var contact) || optedOut.Contains(learner.UserId) || completed.Contains(learner.UserId))
                {
                    continue;
                }

                var culture = tenantContext.Tenant.Supports(contact.PreferredCulture) ? contact.PreferredCulture : tenantContext.Tenant.DefaultCulture;
                var unit = await UnitAsync(learner.LastPart, learner.LastActivity, culture, cancellationToken);
                if (unit is null)
                {
                    continue; // a course without activities: nothing to come back to
                }

                if (await QueueAsync(contact, culture, unit.Value, days, cancellationToken))
                {
                    db.RemindersSent.Add(new ReminderSent { UserId = learner.UserId, SentUtc = now, Part = unit.Value.Part.SetId, Activity = unit.Value.Activity.Id });
                    sent++;
                }
            }

            // The reminders and their e-mails are saved together: one is sent if and only if the other is recorded.
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The activity where the learner stopped (the last one they opened), or the course's first activity when they
    /// never opened one (or it has left the course), in <paramref name="culture"/>; <c>Started</c> says which.</summary>
    private async Task<(CoursePart Part, Activity Activity, bool Started)?> UnitAsync(string? lastPart, string? lastActivity, string culture, CancellationToken cancellationToken)
    {
        var parts = await course.PartsAsync(culture, cancellationToken);
        if (parts.FirstOrDefault(p => p.SetId == lastPart) is { } part && part.Content.Activities.FirstOrDefault(a => a.Id == lastActivity) is { } activity)
        {
            return (part, activity, true);
        }

        return parts.FirstOrDefault(p => p.Content.Activities.Count > 0) is { } first ? (first, first.Content.Activities[0], false) : null;
    }

    private Task<bool> QueueAsync(UserContact contact, string culture, (CoursePart Part, Activity Activity, bool Started) unit, int days, CancellationToken cancellationToken)
    {
        var link = UnsubscribeLinks.Absolute(addresses, tenantContext.Tenant, culture, $"mooc/{unit.Part.SetId}/activities/{unit.Activity.Id}");
        var site = tenantContext.Tenant.DisplayName;
        var pageCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            string subject = S["The course is waiting for you – {0}", site];
            string greeting = S["Hello {0},", contact.DisplayName];
            string away = S["You have not been back to the course on {0} for {1} days or more.", site, days];
            string where = unit.Started
                ? S["You stopped at “{0}”, in “{1}”. Continue where you left off:", unit.Activity.Title, unit.Part.Title]
                : S["You enrolled but have not started yet. Begin with “{0}”, in “{1}”:", unit.Activity.Title, unit.Part.Title];
            string go = S["Continue the course"];
            var html = EmailOutbox.Html;
            return outbox.QueueToListAsync(
                List,
                contact.Id,
                culture,
                contact.Email,
                subject,
                $"{greeting}\n\n{away}\n{where}\n{link}\n",
                $"<p>{html.Encode(greeting)}</p><p>{html.Encode(away)}<br>{html.Encode(where)}</p><p><a href=\"{html.Encode(link)}\">{html.Encode(go)}</a></p>",
                cancellationToken);
        }
        finally
        {
            CultureInfo.CurrentUICulture = pageCulture;
        }
    }
}
