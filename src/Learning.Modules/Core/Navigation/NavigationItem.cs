namespace Learning.Modules.Core.Navigation;

/// <summary>
/// An entry of the main navigation, registered by a module. <see cref="Text"/> is a key of the
/// module's strings (<see cref="Strings"/>); <see cref="Path"/> follows the culture segment;
/// <see cref="Policy"/>, when set, hides the entry from people it does not authorise.
/// </summary>
public sealed record NavigationItem(string Text, string Path, int Order, Type Strings, string? Policy = null);
