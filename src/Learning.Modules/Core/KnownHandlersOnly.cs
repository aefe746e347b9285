using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Learning.Modules.Core;

/// <summary>
/// A post that selects none of its page's handlers (it names no handler or an unknown one, and the page has no plain
/// OnPost; or the page takes no posts) is refused with 400: Razor Pages would otherwise render the page without running
/// any handler, its model never loaded (a 500, or a page that seems to have done something). The error page, which
/// error handling re-executes with the request's method, is left alone.
/// </summary>
internal sealed class KnownHandlersOnly : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var features = context.HttpContext.Features;
        if (context.HandlerMethod is not null || features.Get<IExceptionHandlerFeature>() is not null || features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return;
        }

        var method = context.HttpContext.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Result = new BadRequestResult();
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
