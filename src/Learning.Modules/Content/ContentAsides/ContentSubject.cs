namespace Learning.Modules.Content.ContentAsides;

/// <summary>
/// What a reader's page shows, as the asides see it: its kind ("practice", "tutorial", "mooc-part",
/// "mooc-course"), its localization set, the reader's culture and its title as shown.
/// </summary>
public sealed record ContentSubject(string Kind, string SetId, string Culture, string Title);
