using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Learning.Tests.Infrastructure;

/// <summary>Counts the SQL commands a page runs, to catch a query per item in a loop.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int count;

    public int Count => count;

    public void Reset() => Interlocked.Exchange(ref count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
