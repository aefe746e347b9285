namespace Learning.Modules.Core;

/// <summary>One page of a long list: the page asked for (from 1, kept within the pages that exist) of
/// <see cref="Total"/> rows, <see cref="Size"/> rows a page. <c>Core/Pages/_Pager.cshtml</c> draws its links.</summary>
public sealed record Pager(int Asked, int Size, int Total)
{
    public int PageCount => Math.Max(1, (Total + Size - 1) / Size);

    public int Number => Math.Clamp(Asked, 1, PageCount);

    public int Skip => (Number - 1) * Size;

    /// <summary>Other parameters of the list the links keep (its filters), as <c>name=value</c> pairs; escaped here.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Kept { get; init; } = [];

    /// <summary>The address of another page of the same list (the search term and <see cref="Kept"/> kept; "p", as "page" is taken by Razor Pages).</summary>
    public string Link(string? query, int number) =>
        $"?q={Uri.EscapeDataString(query ?? "")}"
        + string.Concat(Kept.Where(k => !string.IsNullOrEmpty(k.Value)).Select(k => $"&{Uri.EscapeDataString(k.Key)}={Uri.EscapeDataString(k.Value!)}"))
        + $"&p={number}";
}
