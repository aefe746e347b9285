using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace Learning.Modules.Core.Serving;

/// <summary>
/// Marks a request whose answer is the same for every reader and carries no secret: an anonymous reader's page of
/// published content, which the output cache may keep (Content's cache policy marks it). Only such pages are
/// compressed (<see cref="SharedPagesOnlyCompression"/>).
/// </summary>
public sealed class SharedResponses
{
    private static readonly SharedResponses Marker = new();

    private SharedResponses()
    {
    }

    public static void Mark(HttpContext context) => context.Features.Set(Marker);

    public static bool IsMarked(HttpContext context) => context.Features.Get<SharedResponses>() is not null;

    /// <summary>Whether the response sets a cookie that is someone's own (an anti-forgery token, a session). The
    /// culture cookie is the exception: its value comes from the address, so every visitor of it gets the same.</summary>
    public static bool SetsPersonalCookie(HttpResponse response) =>
        response.Headers.SetCookie.Any(c => c?.StartsWith(CookieRequestCultureProvider.DefaultCookieName + "=", StringComparison.Ordinal) == false);
}
