namespace Learning.Modules.Core.Navigation;

/// <summary>
/// An entry of the main navigation, registered by a module. <see cref="Text"/> is a key of the
/// module's strings (<see cref="Strings"/>); <see cref="Path"/> follows the culture segment;
/// <see cref="Policy"/>, when set, hides the entry from people it does not authorise.
/// An entry open to everyone with a <see cref="HomeDescription"/> (a key of the same strings) is also
/// a card of the home page, which says what the module offers.
/// </summary>
public sealed record NavigationItem(string Text, string Path, int Order, Type Strings, string? Policy = null, string? HomeDescription = null);
