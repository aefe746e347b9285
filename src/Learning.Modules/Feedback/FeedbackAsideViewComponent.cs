using Learning.Modules.Content.ContentAsides;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Feedback;

/// <summary>
/// Beside a practice, a tutorial or a part of the course: its average rating once it has enough of them; for a signed-in
/// person, their own rating and comment, the editors' reply, and the form to give or change them. On the course page:
/// the end-of-course survey, for signed-in people only.
/// </summary>
/// <remarks>A visitor's page is cached and shared by every visitor (Content's output cache): for them, no form, no token,
/// nothing personal, only the average and a link to sign in.</remarks>
public sealed class FeedbackAsideViewComponent(LearnerFeedback feedback, IOptions<FeedbackOptions> options) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ContentSubject subject)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var survey = FeedbackKinds.IsSurvey(subject.Kind);
        var userId = UserClaimsPrincipal.UserId();
        if (survey && userId is null)
        {
            return Content("");
        }

        var average = survey ? null : await feedback.AverageAsync(subject.Kind, subject.SetId, cancellationToken);
        var shown = average is not null && average.Count >= options.Value.RatingsShownFrom ? average : null;
        var here = Request.PathBase + Request.Path;
        var signIn = CultureLinks.Path(Request, subject.Culture, "account/login") + "?returnUrl=" + Uri.EscapeDataString(here);
        if (userId is null)
        {
            return View("/Feedback/Views/FeedbackAside.cshtml", new FeedbackAsideView(subject, shown, null, null, signIn));
        }

        var own = await feedback.OwnAsync(userId, subject.Kind, subject.SetId, cancellationToken);
        var form = FeedbackForm.For(subject.Kind, subject.SetId, here + Request.QueryString, own);
        return View("/Feedback/Views/FeedbackAside.cshtml", new FeedbackAsideView(subject, shown, own, form, signIn));
    }
}
