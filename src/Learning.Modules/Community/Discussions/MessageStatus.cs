namespace Learning.Modules.Community.Discussions;

/// <summary>Who sees a message: everyone (<see cref="Visible"/>), or only its author and the editors.</summary>
public enum MessageStatus
{
    Visible,

    /// <summary>A new account's first message, waiting for an editor's approval.</summary>
    Held,

    /// <summary>Hidden by an editor, with a reason its author sees.</summary>
    Hidden,
}
