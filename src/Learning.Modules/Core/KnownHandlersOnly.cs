using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Learning.Modules.Core;

/// <summary>
/// A request that selects none of its page's handlers is refused: Razor Pages would otherwise render the page without
/// running any handler, with its model never loaded (a 500, or a page that seems to have done something). A post that
/// names no handler, or an unknown one, or reaches a page that takes no posts, gets 400; a get naming an unknown handler,
/// 404. The error page, which error handling re-executes with the request's method, is left alone.
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

        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            context.Result = new BadRequestResult();
        }
        else if (request.Query.ContainsKey("handler") || context.RouteData.Values.ContainsKey("handler"))
        {
            context.Result = new NotFoundResult();
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
