namespace Learning.Modules.Core.Email;

/// <summary>
/// A kind of e-mail a person may stop receiving with one click (reminders, discussion notifications), registered by the
/// module that sends it: <c>services.AddSingleton(new EmailList("reminders", "Course reminders", typeof(MoocStrings)))</c>.
/// The name and description are keys of <paramref name="Strings"/>, shown on the unsubscribe page and on "E-mails I receive".
/// </summary>
/// <param name="Key">Stable identifier kept with opt-outs and signed into unsubscribe links (letters, digits and '-').</param>
public sealed record EmailList(string Key, string Name, Type Strings, string? Description = null);
