namespace Learning.Modules.Content;

/// <summary>
/// Marks a readers' page of a content type whose views are counted (see <see cref="ReadCountingMiddleware"/>): a GET
/// answered 200 counts one read of the item its <c>{slug}</c> names in its <c>{culture}</c>, cached or not.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CountsReadsAttribute(string type) : Attribute
{
    /// <summary>The content type of the page's items ("practice").</summary>
    public string Type { get; } = type;
}
