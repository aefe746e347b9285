namespace Learning.Modules.Content.ContentAsides;

/// <summary>
/// Something a module adds beside what readers read (a practice, a tutorial, a part of the course), such as
/// Feedback's ratings, without the pages knowing the module: a page hands <see cref="ContentAsidesViewComponent"/>
/// its <see cref="ContentSubject"/>, which renders every registered aside in <see cref="Order"/>, and nothing when
/// the installation has none (the module left out). Register it as a singleton in the module's AddServices.
/// </summary>
/// <remarks>Anonymous readers' pages come from the output cache (<see cref="ContentCachePolicy"/>) and are shared by
/// every anonymous reader: what an aside renders for them must hold no form, no anti-forgery token and nothing personal.</remarks>
public interface IContentAside
{
    /// <summary>The view component that draws the aside; it is invoked with one argument, <c>subject</c>.</summary>
    Type ViewComponent { get; }

    /// <summary>Where the aside comes among the others, smallest first.</summary>
    int Order { get; }
}
