namespace Learning.Modules.Core.Security;

/// <summary>The roles of a tenant, and the authorization policies built on them.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Learner = "Learner";

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Learner];

    public const string AdministratorPolicy = "Administrator";
    public const string EditorPolicy = "Editor";
}
