using System.Data.Common;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Infrastructure;

/// <summary>Counts the SQL commands a page runs, to catch a query per item in a loop.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int count;

    public int Count => count;

    public void Reset() => Interlocked.Exchange(ref count, 0);

    /// <summary>Counts every command of the app. The session's periodic check against the database (once a
    /// minute) is put off, or a slow run would count it on whichever page comes after the minute.</summary>
    public void CountIn(IServiceCollection services)
    {
        services.AddSingleton<IInterceptor>(this);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromHours(1));
    }

    /// <summary>Gets a page and counts the commands it ran. The page must answer 200, so that an error or a
    /// redirect, which runs few commands, cannot pass for a cheap page; the caller checks what it shows.</summary>
    public async Task<(int Commands, IHtmlDocument Page)> CountPageAsync(HttpClient client, string url)
    {
        Reset();
        using var response = await client.GetAsync(url);
        var commands = Count;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: expected 200, got {(int)response.StatusCode} {response.Headers.Location}");
        return (commands, await Browser.ParseAsync(response));
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        // The e-mail job looks for mail to send every second in tests, whatever page is being counted.
        if (!command.CommandText.Contains("\"OutboxMessages\"", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref count);
        }

        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
