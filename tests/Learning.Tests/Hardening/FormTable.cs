using Learning.Modules.Accounts;
using Learning.Modules.Accounts.Pages;
using Learning.Modules.Accounts.Pages.Admin;
using Learning.Modules.Assessment;
using Learning.Modules.Assessment.Pages;
using Learning.Modules.Assessment.Pages.Editor;
using Learning.Modules.Content;
using Learning.Modules.Content.Pages.Admin;
using Learning.Modules.Content.Pages.Editor;
using Learning.Modules.Certificates;
using Learning.Modules.Community.Privacy;
using Learning.Modules.Community.Notifications;
using Learning.Modules.Community.Notifications.Pages;
using Learning.Modules.Community.Privacy.Pages;
using Learning.Modules.Community.Discussions;
using Learning.Modules.Community.Pages.Admin;
using Learning.Modules.Community.Pages.Discussions;
using Learning.Modules.Community.Pages.Editor;
using Learning.Modules.Community.Sharing;
using Learning.Modules.Community.Pages.Sharing;
using Learning.Modules.Community.Pages.Sharing.Editor;
using Learning.Modules.Core;
using Learning.Modules.Core.Email;
using Learning.Modules.Core.Email.Pages;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Core.Tenancy.Pages;
using Learning.Modules.Data;
using Learning.Modules.Feedback;
using Learning.Modules.Feedback.Pages;
using Learning.Modules.Feedback.Pages.Editor;
using Learning.Modules.Mooc;
using Learning.Modules.Mooc.Pages;
using Learning.Modules.Mooc.Pages.Editor;
using Learning.Modules.Mooc.Reminders;
using Learning.Modules.Toolbox.Pages.Editor;
using Learning.Modules.Tutorials.Pages.Editor;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CertificatesAdminModel = Learning.Modules.Certificates.Pages.AdminModel;
using Emails = Learning.Tests.Hardening.FormWorld.Emails;

namespace Learning.Tests.Hardening;

/// <summary>
/// Every form of the compiled pages, as the corpus attacks it: where it is posted, who may post it, the fields it
/// reads and what an accepted input must have stored. <see cref="FormCorpusTests"/> fails when a page gets a post
/// handler that is neither here nor in <see cref="LeftOut"/>.
/// </summary>
public static class FormTable
{
    /// <summary>Forms the corpus does not attack, each with its reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> LeftOut = new Dictionary<string, string>
    {
        // The bank import's three steps keep a file aside between two posts, which this table's one-post model cannot
        // describe; their inputs have corpora of their own.
        [FormSpec.KeyOf(typeof(BanksModel), nameof(BanksModel.OnPostImportAsync))] =
            "The uploaded banks are attacked by BankImportCorpusTests (275 hostile files on both databases) and ParserCorpusTests.",
        [FormSpec.KeyOf(typeof(BanksModel), nameof(BanksModel.OnPostConfirmAsync))] =
            "Forged, replayed and other editors' confirmation tokens: BankEditorTests.",
        [FormSpec.KeyOf(typeof(BanksModel), nameof(BanksModel.OnPostCancel))] =
            "Cancelling only forgets the editor's own kept file (the token is bound to the editor): BankEditorTests.",
    };

    /// <summary>Failed passwords are counted toward the lockout, by design: a refused password changes these.</summary>
    private static readonly string[] LockoutCounters = ["AspNetUsers.AccessFailedCount", "AspNetUsers.LockoutEnd", "AspNetUsers.ConcurrencyStamp"];

    private const string LockoutReason = "a wrong password counts toward the lockout (reset before each input)";

    private static FormField Text(string name, int? max = null, bool required = false, string? valid = null) =>
        new(name, FieldKind.Text) { Max = max, Required = required, Valid = valid is null ? null : _ => valid };

    private static FormField Secret(string name, Func<FormWorld, string> valid) => new(name, FieldKind.Secret) { Valid = valid };

    private static FormField Id(string name, Place place, Func<FormWorld, string> valid, Func<FormWorld, string[]> foreign) =>
        new(name, FieldKind.Id, place) { Valid = valid, Foreign = foreign };

    private static FormField Choice(string name, string? valid = null, bool required = false, Place place = Place.Body) =>
        new(name, FieldKind.Choice, place) { Required = required, Valid = valid is null ? null : _ => valid };

    private static FormField Choices(string name, string? valid = null) => new(name, FieldKind.Choices) { Valid = valid is null ? null : _ => valid };

    private static FormField Flag(string name, string? valid = null) => new(name, FieldKind.Flag) { Valid = valid is null ? null : _ => valid };

    private static FormField File(string name, Func<FormWorld, (string, byte[])> value) => new(name, FieldKind.File) { FileValue = value };

    /// <summary>The directory field takes a structure as its list offers it: a name, " — ", a municipality.</summary>
    private const int StructureText = Structure.NameLength + 3 + Structure.MunicipalityLength;

    /// <summary>"My structure is not in the list": empty as the page shows it, a proposal when a name is typed.</summary>
    private static FormField[] ProposalFields =>
        [Text("Input.NewStructureName", 200), Choice("Input.NewStructureType", "association"), Text("Input.NewStructureMunicipality", 100), Choice("Input.NewStructureCountry", "FR")];

    public static IReadOnlyList<FormSpec> Forms { get; } = Build();

    private static List<FormSpec> Build()
    {
        var forms = new List<FormSpec>
        {
            // Accounts
            new(typeof(LoginModel), "", "/en/account/login", Needs.Anyone, Persona.Visitor,
                [Text("Email", required: true, valid: Emails.Known), Secret("Password", _ => LearningApp.Password), Flag("RememberMe", "true"),
                 new FormField("ReturnUrl", FieldKind.ReturnUrl) { Valid = _ => "/en/toolbox" }])
            {
                MayChange = LockoutCounters, Why = LockoutReason, Prepare = w => w.ResetLockoutsAsync(),
            },
            new(typeof(RegisterModel), "", "/en/account/register", Needs.Anyone, Persona.Visitor,
                [Text("Input.Email", 256, true, Emails.Newcomer), Text("Input.Password", 200, true, "a long enough passphrase"), Text("Input.DisplayName", 100, true, "Newcomer"),
                 Text("Input.Organisation", StructureText, valid: "Maison de l'emploi"), .. ProposalFields,
                 Text("Input.Country", 100, valid: "Belgium"), Text("Input.Profession", 100, valid: "Job coach"),
                 Choice("Input.PreferredCulture", "en", required: true), Flag("Input.AcceptPrivacyNotice", "true")])
            {
                Accepted = (w, p) => w.WithTenantAsync(async sp =>
                {
                    await Stored.OutboxToKnownPeopleAsync(sp);
                    var users = sp.GetRequiredService<UserManager<LearningUser>>();
                    if (p["Input.Email"] is { } email && await users.FindByEmailAsync(email) is { } created && !w.People.ContainsKey(created.Email!))
                    {
                        Stored.Profile(created, p);
                        await Stored.StructureAsync(sp, created, p);

                        // So that the next accepted input registers anew.
                        await sp.GetRequiredService<LearningDbContext>().Structures.Where(s => s.ProposedBy == created.Id).ExecuteDeleteAsync();
                        await users.DeleteAsync(created);
                        await sp.GetRequiredService<LearningDbContext>().OutboxMessages.Where(m => m.To == created.Email).ExecuteDeleteAsync();
                    }

                    return 0;
                }),
            },
            new(typeof(ForgotPasswordModel), "", "/en/account/forgot-password", Needs.Anyone, Persona.Visitor, [Text("Email", required: true, valid: Emails.Known)])
            {
                Accepted = (w, _) => w.WithTenantAsync(Stored.OutboxToKnownPeopleAsync),
            },
            new(typeof(ResendConfirmationModel), "", "/en/account/resend-confirmation", Needs.Anyone, Persona.Visitor, [Text("Email", required: true, valid: Emails.Unconfirmed)])
            {
                Accepted = (w, _) => w.WithTenantAsync(Stored.OutboxToKnownPeopleAsync),
            },
            new(typeof(ResetPasswordModel), "", "/en/account/reset-password", Needs.Anyone, Persona.Visitor,
                [Id("UserId", Place.Body, w => w.People[Emails.Resetting].Id, w => [w.OtherTenantUserId, FormWorld.UnknownUserId, w.People[Emails.Known].Id]),
                 Secret("Code", w => w.ResetCode), Text("Password", 200, true, "a brand new passphrase"), Flag("First", "false")])
            {
                Prepare = w => w.NewResetCodeAsync(),
                Accepted = async (w, p) => Stored.That(await w.ChecksPasswordAsync(Emails.Resetting, p["Password"]!), "the new password does not open the account"),
            },
            new(typeof(LogoutModel), "", "/en/account/logout", Needs.Anyone, Persona.Visitor, []) { UsesDatabase = false },
            new(typeof(MyAccountModel), "", "/en/account", Needs.SignedIn, Persona.Profile,
                [Text("Input.DisplayName", 100, true), Text("Input.Organisation", StructureText, valid: "Maison de l'emploi"), .. ProposalFields,
                 Text("Input.Country", 100), Text("Input.Profession", 100), Choice("Input.PreferredCulture", required: true)])
            {
                Accepted = (w, p) => w.WithTenantAsync(async sp =>
                {
                    var person = (await sp.GetRequiredService<UserManager<LearningUser>>().FindByEmailAsync(Emails.Profile))!;
                    Stored.Profile(person, p);
                    await Stored.StructureAsync(sp, person, p);
                    return 0;
                }),
            },
            new(typeof(ChangePasswordModel), "", "/en/account/password", Needs.SignedIn, Persona.PasswordChanger,
                [Secret("CurrentPassword", _ => LearningApp.Password), Text("NewPassword", 200, true, "another long passphrase")])
            {
                MayChange = LockoutCounters, Why = LockoutReason, Prepare = w => w.ResetLockoutsAsync(),
                Accepted = async (w, p) =>
                {
                    Stored.That(await w.ChecksPasswordAsync(Emails.PasswordChanger, p["NewPassword"]!), "the new password does not open the account");
                    await w.ResetPasswordAsync(Emails.PasswordChanger);
                    await w.SignInAgainAsync(Persona.PasswordChanger);
                },
            },
            new(typeof(PersonalDataModel), "Delete", "/en/account/personal-data", Needs.SignedIn, Persona.Leaver, [Secret("Password", _ => LearningApp.Password), Flag("RevokeCertificates", "false")])
            {
                MayChange = LockoutCounters, Why = LockoutReason, Prepare = w => w.ResetLockoutsAsync(),
                Accepted = async (w, _) =>
                {
                    Stored.That(await w.WithDbAsync(db => db.Users.CountAsync(u => u.Email == Emails.Leaver)) == 0, "the account is still there");
                    w.People[Emails.Leaver] = await w.App.CreateUserAsync(Emails.Leaver);
                    await w.SignInAgainAsync(Persona.Leaver);
                },
            },
            // Community: the privacy notice
            new(typeof(PrivacyEditModel), "Save", "/en/admin/privacy/{language}", Needs.Administrator, Persona.Administrator,
                [Choice("language", "fr", required: true, place: Place.Route), Text("Markdown", PrivacyNotice.MaxLength, true, "## Our notice\n\nWe keep what the course needs.")])
            {
                Accepted = (w, p) => w.WithTenantAsync(async sp =>
                {
                    var stored = await sp.GetRequiredService<LearningDbContext>().PrivacyNotices.AsNoTracking().SingleAsync(n => n.Culture == p["language"]);
                    Stored.That(stored.Markdown == (p["Markdown"] ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), "the notice is not the text posted");
                    return 0;
                }),
            },
            new(typeof(PrivacyEditModel), "Reset", "/en/admin/privacy/{language}", Needs.Administrator, Persona.Administrator,
                [Choice("language", "fr", required: true, place: Place.Route)]),
            new(typeof(UserModel), "Roles", "/en/admin/users/{id}", Needs.Administrator, Persona.Administrator,
                [Id("id", Place.Route, w => w.People[Emails.Person].Id, w => [w.OtherTenantUserId, FormWorld.UnknownUserId]), Choices("SelectedRoles", Roles.Editor)])
            {
                Accepted = (w, p) => w.WithTenantAsync(async sp =>
                {
                    var users = sp.GetRequiredService<UserManager<LearningUser>>();
                    var roles = await users.GetRolesAsync((await users.FindByEmailAsync(Emails.Person))!);
                    Stored.That(roles.Order().SequenceEqual(p.List("SelectedRoles").Intersect(Roles.All).Order()), $"roles {string.Join(", ", roles)}");
                    return 0;
                }),
            },
            new(typeof(UserModel), "Lock", "/en/admin/users/{id}", Needs.Administrator, Persona.Administrator,
                [Id("id", Place.Route, w => w.People[Emails.Person].Id, w => [w.OtherTenantUserId, FormWorld.UnknownUserId, w.People[Emails.Administrator].Id])])
            {
                Accepted = (w, _) => w.WithTenantAsync(async sp =>
                {
                    var users = sp.GetRequiredService<UserManager<LearningUser>>();
                    var person = (await users.FindByEmailAsync(Emails.Person))!;
                    Stored.That(await users.IsLockedOutAsync(person), "the account is not locked");
                    await users.SetLockoutEndDateAsync(person, null);
                    return 0;
                }),
            },
            new(typeof(UserModel), "Unlock", "/en/admin/users/{id}", Needs.Administrator, Persona.Administrator,
                [Id("id", Place.Route, w => w.People[Emails.Person].Id, w => [w.OtherTenantUserId, FormWorld.UnknownUserId])]),
            new(typeof(StructuresModel), "Match", "/en/admin/structures", Needs.Administrator, Persona.Administrator, [])
            {
                // Nobody's free text names a structure in this world: matching links nobody, and changes nothing.
                Accepted = (_, _) =>
                {
                    Stored.That(false, "matching changed the database");
                    return Task.CompletedTask;
                },
            },
            new(typeof(StructuresModel), "Create", "/en/admin/structures", Needs.Administrator, Persona.Administrator,
                [Text("text", valid: FormWorld.FreeTextOrganisation), Choice("type", "training"), Choice("country", "ES")])
            {
                Accepted = async (w, p) =>
                {
                    await w.WithTenantAsync(async sp =>
                    {
                        var db = sp.GetRequiredService<LearningDbContext>();
                        var structure = await db.Structures.SingleAsync(s => s.Name == FormWorld.FreeTextOrganisation);
                        Stored.That(structure.Status == StructureStatus.Listed && structure.Type == p["type"] && structure.Country == p["country"],
                            $"the structure {structure.Type} {structure.Country} {structure.Status}");
                        var person = await db.Users.SingleAsync(u => u.Email == Emails.Person);
                        Stored.That(person.StructureId == structure.Id && person.Organisation == structure.Name, "the person is not linked");
                        return 0;
                    });
                    await w.ResetFreeTextAsync();
                },
            },
            new(typeof(StructureModel), "Save", "/en/admin/structures/{id}", Needs.Administrator, Persona.Administrator,
                [Id("id", Place.Route, w => w.EditedStructureId.ToString(), _ => [FormWorld.UnknownNumber]),
                 Text("Input.Name", 200, true, "Edited structure"), Choice("Input.Type", "training"), Text("Input.Municipality", 100, valid: "Girona"), Choice("Input.Country", "ES")])
            {
                Accepted = (w, p) => w.WithTenantAsync(async sp =>
                {
                    var structure = await sp.GetRequiredService<LearningDbContext>().Structures.AsNoTracking().SingleAsync(s => s.Id == w.EditedStructureId);
                    Stored.Line(structure.Name, p["Input.Name"], 200, "the name");
                    Stored.Line(structure.Municipality, p["Input.Municipality"], 100, "the municipality");
                    Stored.That(structure.Type == p["Input.Type"] && structure.Country == p["Input.Country"] && structure.NormalizedName == FoldedText.Key(structure.Name),
                        $"the structure {structure.Type} {structure.Country} {structure.NormalizedName}");
                    return 0;
                }),
            },
            new(typeof(StructureModel), "Approve", "/en/admin/structures/{id}", Needs.Administrator, Persona.Administrator,
                [Id("id", Place.Route, w => w.ProposedStructureId.ToString(), _ => [FormWorld.UnknownNumber])])
            {
                Accepted = (w, _) => w.WithDbAsync(async db =>
                {
                    Stored.That(await db.Structures.AnyAsync(s => s.Id == w.ProposedStructureId && s.Status == StructureStatus.Listed), "the structure is not listed");
                    return await db.Structures.Where(s => s.Id == w.ProposedStructureId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, StructureStatus.Proposed));
                }),
            },
            new(typeof(StructureModel), "Merge", "/en/admin/structures/{id}", Needs.Administrator, Persona.Administrator,
                [Id("id", Place.Route, w => w.MergeKeptId.ToString(), _ => [FormWorld.UnknownNumber]),
                 Id("otherId", Place.Body, w => w.MergeGoneId.ToString(), w => [FormWorld.UnknownNumber, w.MergeKeptId.ToString()]), Choice("keep", "this", required: true)])
            {
                Accepted = async (w, p) =>
                {
                    await w.WithDbAsync(async db =>
                    {
                        Stored.That(p["keep"] == "this", $"merged keeping {Stored.Show(p["keep"])}");
                        Stored.That(!await db.Structures.AnyAsync(s => s.Id == w.MergeGoneId), "the duplicate is still there");
                        Stored.That(await db.Users.AnyAsync(u => u.Email == Emails.Known && u.StructureId == w.MergeKeptId), "its person did not move");
                        return 0;
                    });
                    await w.NewMergeGoneAsync();
                },
            },

            // Certificates
            new(typeof(CertificatesAdminModel), "Revoke", "/en/admin/certificates", Needs.Administrator, Persona.Administrator,
                [Id("id", Place.Query, w => w.CertificateId.ToString(), _ => [FormWorld.UnknownNumber]), new FormField("reason", FieldKind.CutText) { Max = 500, Valid = _ => "Issued by mistake" }])
            {
                Accepted = async (w, p) =>
                {
                    var reason = await w.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Certificates.Where(c => c.Id == w.CertificateId).Select(c => c.RevocationReason).SingleAsync());
                    // Kept rather than refused: the start of what was typed, its control characters as spaces, trimmed, cut.
                    var typed = new string((p["reason"] ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
                    Stored.That(reason is null ? typed.Length == 0 : typed.StartsWith(reason, StringComparison.Ordinal) && reason == reason.Trim() && reason.Length <= 500
                        && (reason.Length >= 499 || reason.Length == typed.Length), $"the reason {Stored.Show(reason)} for {Stored.Show(typed)}");
                    Stored.Clean(reason, "the reason");
                    await w.WithDbAsync(db => db.Certificates.ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedUtc, (DateTime?)null).SetProperty(c => c.RevocationReason, (string?)null)));
                },
            },

            // Content
            new(typeof(HistoryModel), "Restore", "/en/editor/items/{id}/history", Needs.Editor, Persona.Editor,
                [Id("id", Place.Route, w => w.PracticeId.ToString(), _ => [FormWorld.UnknownNumber]), Id("number", Place.Query, _ => "1", _ => [FormWorld.UnknownNumber, "2147483647"])]),
            new(typeof(MediaModel), "Upload", "/en/editor/media", Needs.Editor, Persona.Editor, [File("upload", _ => ("pixel.png", FormWorld.Png))])
            {
                Multipart = true,
                Accepted = (w, _) => w.WithTenantAsync(async sp =>
                {
                    foreach (var name in await sp.GetRequiredService<LearningDbContext>().MediaFiles.Select(m => m.FileName).ToListAsync())
                    {
                        Stored.That(name.IndexOfAny(['/', '\\', '\0']) < 0 && name.Length <= 255, $"a file named {Stored.Show(name)}");
                    }

                    return 0;
                }),
            },
            new(typeof(MediaModel), "Delete", "/en/editor/media", Needs.Editor, Persona.Editor, [Id("id", Place.Query, w => w.MediaId.ToString(), _ => [FormWorld.UnknownNumber])])
            {
                Accepted = (w, _) => w.NewMediaFileAsync(),
            },
            new(typeof(TranslationsModel), "Xliff", "/en/editor/sets/{set}", Needs.Editor, Persona.Editor,
                [Id("set", Place.Route, _ => "job-desk", _ => ["no-such-set", "job-desk-en"]), Choice("type", "practice", place: Place.Query),
                 File("upload", w => ("practice.job-desk.fr-hu.xlf", FormWorld.Utf8(w.XliffHu)))])
            {
                Multipart = true,
            },
            new(typeof(ContentFilesModel), "Folder", "/en/admin/content", Needs.Administrator, Persona.Administrator, []) { Sample = (8, 5) },
            new(typeof(ContentFilesModel), "Zip", "/en/admin/content", Needs.Administrator, Persona.Administrator, [File("upload", w => ("content.zip", w.ContentZip))])
            {
                Multipart = true, Sample = (12, 8),
            },

            // Tenants
            new(typeof(NewTenantModel), "", "/en/admin/tenants/new", Needs.InstallationAdministrator, Persona.Administrator,
                [Text("Input.Name", 40, true, "fuzzed"), Text("Input.DisplayName", 100, true, "Fuzzed network"), Text("Input.UrlPrefix", 40, valid: "fuzzed"), Text("Input.HostName", valid: ""),
                 Choices("Input.Cultures"), Choice("Input.DefaultCulture"), Choice("Input.DatabaseProvider", "Sqlite"), Text("Input.ConnectionString", 1000, valid: ""),
                 Text("Input.AdministratorEmail", required: true, valid: "chief@fuzzed.example")])
            {
                UsesDatabase = false, // its tenants are SQLite files on both runs (the list itself is in the default tenant's database)
                AcceptedBound = TimeSpan.FromSeconds(30), // sets a tenant up: its schema, roles, administrator and content
                Sample = (12, 0),
                Accepted = async (w, p) =>
                {
                    var registry = w.App.Services.GetRequiredService<TenantRegistry>();
                    var created = registry.All.Single(t => !t.IsDefault && t.Name != FormWorld.OtherTenant);
                    Stored.That(created.DisplayName == p["Input.DisplayName"]?.Trim(), $"the name {Stored.Show(created.DisplayName)}");
                    Stored.Clean(created.DisplayName, "the name");
                    await registry.RemoveAsync(created.Name);
                    await w.App.Services.GetRequiredService<TenantDatabases>().DeleteAsync(created, default);
                },
            },
            new(typeof(TenantSettingsModel), "Disable", "/en/admin/tenants/{name}", Needs.InstallationAdministrator, Persona.Administrator,
                [Id("name", Place.Route, _ => FormWorld.OtherTenant, _ => [Tenant.DefaultName, "nope"])])
            {
                UsesDatabase = false,
                Accepted = async (w, _) =>
                {
                    var registry = w.App.Services.GetRequiredService<TenantRegistry>();
                    var other = registry.Find(FormWorld.OtherTenant)!;
                    Stored.That(other.State == TenantState.Disabled, "the tenant is not disabled");
                    await registry.SaveAsync(other with { State = TenantState.Running });
                },
            },
            new(typeof(TenantSettingsModel), "Enable", "/en/admin/tenants/{name}", Needs.InstallationAdministrator, Persona.Administrator,
                [Id("name", Place.Route, _ => FormWorld.OtherTenant, _ => [Tenant.DefaultName, "nope"])]) { UsesDatabase = false },
            new(typeof(TenantSettingsModel), "Delete", "/en/admin/tenants/{name}", Needs.InstallationAdministrator, Persona.Administrator,
                [Id("name", Place.Route, _ => FormWorld.OtherTenant, _ => [Tenant.DefaultName, "nope"]), Secret("ConfirmName", _ => FormWorld.OtherTenant)])
            {
                UsesDatabase = false,
                AcceptedBound = TimeSpan.FromSeconds(30),
                Accepted = async (w, _) =>
                {
                    Stored.That(w.App.Services.GetRequiredService<TenantRegistry>().Find(FormWorld.OtherTenant) is null, "the tenant is still there");
                    await w.CreateOtherTenantAsync();
                },
            },

            // E-mail lists: the one-click unsubscribe (its token is the authority, no sign-in) and "E-mails I receive"
            new(typeof(UnsubscribeModel), "", "/en/unsubscribe", Needs.Anyone, Persona.Visitor,
                [Secret("token", w => UnsubscribeToken(w, Tenant.DefaultName, CourseReminders.List)) with
                {
                    Foreign = w => [UnsubscribeToken(w, FormWorld.OtherTenant, CourseReminders.List), UnsubscribeToken(w, Tenant.DefaultName, "no-such-list")],
                }])
            {
                NoAntiforgeryBecause = "RFC 8058: mail clients post the one-click unsubscribe without a page or a cookie; the signed token is the authority",
                Prepare = w => w.WithDbAsync(db => db.EmailOptOuts.ExecuteDeleteAsync()),
                Accepted = (w, _) => w.WithDbAsync(async db =>
                {
                    var lists = await db.EmailOptOuts.Select(o => new { o.UserId, o.List }).ToListAsync();
                    Stored.That(lists.Count == 1 && lists[0].UserId == w.People[Emails.Learner].Id && lists[0].List == CourseReminders.List,
                        $"opt-outs {Stored.Show(string.Join(", ", lists))}");
                    return await db.EmailOptOuts.ExecuteDeleteAsync();
                }),
            },
            new(typeof(EmailListsModel), "", "/en/account/emails", Needs.SignedIn, Persona.Learner, [Choice("list", CourseReminders.List, required: true), Flag("receive", "false")])
            {
                Prepare = w => w.WithDbAsync(db => db.EmailOptOuts.ExecuteDeleteAsync()),
                Accepted = (w, p) => w.WithDbAsync(async db =>
                {
                    var lists = await db.EmailOptOuts.Select(o => new { o.UserId, o.List }).ToListAsync();
                    Stored.That(lists.Count == 1 && lists[0].UserId == w.People[Emails.Learner].Id && lists[0].List == CourseReminders.List,
                        $"opt-outs {Stored.Show(string.Join(", ", lists))} after receive={Stored.Show(p["receive"])}");
                    return await db.EmailOptOuts.ExecuteDeleteAsync();
                }),
            },

            // MOOC
            new(typeof(CoursePageModel), "Enrol", "/en/mooc", Needs.SignedIn, Persona.Learner, []),
            new(typeof(PositioningModel), "", "/en/mooc/positioning", Needs.SignedIn, Persona.Learner, [Choices("confident", "part-1:0")])
            {
                Accepted = async (w, _) =>
                {
                    var suggested = await w.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Enrolments
                        .Where(e => e.UserId == w.People[Emails.Learner].Id).Select(e => e.SuggestedParts).SingleAsync());
                    Stored.That((suggested ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).All(s => s is "part-1" or "part-2" or "part-3" or "part-4"), $"suggested {Stored.Show(suggested)}");
                },
            },
            new(typeof(ActivityPageModel), "Check", "/en/mooc/{part}/activities/{activity}", Needs.SignedIn, Persona.Learner,
                [Id("part", Place.Route, _ => "part-1", _ => ["part-9", "self-assessment"]), Id("activity", Place.Route, _ => "p1-a01", _ => ["p2-a01", "p1-a99"]), Choices("q0", "0")]),
            new(typeof(ActivityPageModel), "Read", "/en/mooc/{part}/activities/{activity}", Needs.SignedIn, Persona.Learner,
                [Id("part", Place.Route, _ => "part-1", _ => ["part-9", "self-assessment"]), Id("activity", Place.Route, _ => "p1-a05", _ => ["p1-a01", "p1-a99"])]),
            new(typeof(PartTestModel), "", "/en/mooc/{part}/test", Needs.SignedIn, Persona.Learner, [Id("part", Place.Route, _ => "part-1", _ => ["part-9", "self-assessment"])]),

            // Feedback
            new(typeof(GiveFeedbackModel), "", "/en/feedback", Needs.SignedIn, Persona.Learner,
                [Choice("Kind", "practice", required: true), Id("SetId", Place.Body, _ => "job-desk", _ => ["no-such-set", "mooc", "job-desk-en"]),
                 new FormField("ReturnUrl", FieldKind.ReturnUrl) { Valid = _ => "/en/toolbox/job-desk-en" },
                 Choice("Rating", "4", required: true), Text("Comment", 2000, valid: "Clear, and the contact helped.")])
            {
                Accepted = async (w, p) =>
                {
                    var item = await w.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().FeedbackItems
                        .SingleAsync(i => i.UserId == w.People[Emails.Learner].Id && i.Kind == "practice" && i.SetId == "job-desk"));
                    Stored.That(item.Rating is >= 1 and <= 5, $"the rating {item.Rating}");
                    Stored.Line(item.Comment, p["Comment"], 2000, "the comment", lines: true);
                },
            },
            new(typeof(FeedbackListModel), "Triage", "/en/editor/feedback", Needs.Editor, Persona.Editor,
                [Id("id", Place.Query, w => w.FeedbackItemId.ToString(), _ => [FormWorld.UnknownNumber]), Choice("NewStatus", "Accepted", required: true),
                 Text("Reply", 2000, valid: "Thank you: the sheet now lists the tools.")])
            {
                Accepted = async (w, p) =>
                {
                    var item = await w.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().FeedbackItems.SingleAsync(i => i.Id == w.FeedbackItemId));
                    Stored.That(Enum.IsDefined(item.Status), $"the status {item.Status}");
                    Stored.Line(item.Reply, p["Reply"], 2000, "the reply", lines: true);
                },
            },

            // Community: discussions
            new(typeof(NewThreadModel), "", "/en/discussions/new", Needs.SignedIn, Persona.Learner,
                [Choice("place", "practice", required: true), Id("id", Place.Body, _ => "job-desk", _ => ["no-such-set", "job-desk-en", "general"]),
                 Text("Title", 200, required: true, valid: "Who staffs the desk?"), Text("Body", 5000, required: true, valid: "Do you need *two* counsellors?")])
            {
                Prepare = w => w.ResetDiscussionAsync(),
                Accepted = (w, p) => w.WithTenantAsync(async sp =>
                {
                    var db = sp.GetRequiredService<LearningDbContext>();
                    var thread = await db.DiscussionThreads.Where(t => t.AuthorId == w.People[Emails.Learner].Id).OrderBy(t => t.Id).LastAsync();
                    Stored.Line(thread.Title, p["Title"], 200, "the title");
                    Stored.Line((await db.DiscussionMessages.SingleAsync(m => m.ThreadId == thread.Id)).Body, p["Body"], 5000, "the message", lines: true);
                    return 0;
                }),
            },
            new(typeof(ThreadPageModel), "Reply", "/en/discussions/{id}", Needs.SignedIn, Persona.Learner,
                [Id("id", Place.Route, w => w.ThreadId.ToString(), _ => [FormWorld.UnknownNumber]), Text("Body", 5000, required: true, valid: "Tuesdays."),
                 Id("quote", Place.Body, w => w.OtherMessageId.ToString(), w => [w.HeldMessageId.ToString(), FormWorld.UnknownNumber])])
            {
                Prepare = w => w.ResetDiscussionAsync(),
                Accepted = (w, p) => w.WithTenantAsync(async sp =>
                {
                    var message = await sp.GetRequiredService<LearningDbContext>().DiscussionMessages.Where(m => m.AuthorId == w.People[Emails.Learner].Id).OrderBy(m => m.Id).LastAsync();
                    Stored.Line(message.Body, p["Body"], 5000, "the reply", lines: true);
                    return 0;
                }),
            },
            new(typeof(ThreadPageModel), "Delete", "/en/discussions/{id}", Needs.SignedIn, Persona.Learner,
                [Id("id", Place.Route, w => w.ThreadId.ToString(), _ => [FormWorld.UnknownNumber]),
                 Id("MessageId", Place.Body, w => w.LearnerMessageId.ToString(), w => [w.OtherMessageId.ToString(), FormWorld.UnknownNumber])])
            {
                Prepare = w => w.ResetDiscussionAsync(),
                Accepted = (w, _) => w.WithTenantAsync(async sp =>
                {
                    var message = await sp.GetRequiredService<LearningDbContext>().DiscussionMessages.SingleAsync(m => m.Id == w.LearnerMessageId);
                    Stored.That(message.DeletedUtc is not null && message.Body == "", "the message is not deleted");
                    return 0;
                }),
            },
            new(typeof(ThreadPageModel), "Report", "/en/discussions/{id}", Needs.SignedIn, Persona.Learner,
                [Id("id", Place.Route, w => w.ThreadId.ToString(), _ => [FormWorld.UnknownNumber]),
                 Id("MessageId", Place.Body, w => w.OtherMessageId.ToString(), w => [w.LearnerMessageId.ToString(), w.HeldMessageId.ToString(), FormWorld.UnknownNumber]),
                 Text("Reason", 500, required: true, valid: "Advertising.")])
            {
                Prepare = w => w.ResetDiscussionAsync(),
                Accepted = (w, p) => w.WithTenantAsync(async sp =>
                {
                    var report = await sp.GetRequiredService<LearningDbContext>().MessageReports.SingleAsync(r => r.ReporterId == w.People[Emails.Learner].Id && r.ResolvedUtc == null);
                    Stored.Line(report.Reason, p["Reason"], 500, "the reason", lines: true);
                    return 0;
                }),
            },
            new(typeof(ThreadPageModel), "Hide", "/en/discussions/{id}", Needs.Editor, Persona.Editor,
                [Id("id", Place.Route, w => w.ThreadId.ToString(), _ => [FormWorld.UnknownNumber]),
                 Id("MessageId", Place.Body, w => w.OtherMessageId.ToString(), _ => [FormWorld.UnknownNumber]), Text("Reason", 500, required: true, valid: "Advertising.")])
            {
                Prepare = w => w.ResetDiscussionAsync(),
                Accepted = (w, p) => w.WithTenantAsync(async sp =>
                {
                    var message = await sp.GetRequiredService<LearningDbContext>().DiscussionMessages.SingleAsync(m => m.Id == w.OtherMessageId);
                    Stored.That(message.Status == MessageStatus.Hidden, $"the status {message.Status}");
                    Stored.Line(message.ModerationReason, p["Reason"], 500, "the reason", lines: true);
                    return 0;
                }),
            },
            new(typeof(ThreadPageModel), "Restore", "/en/discussions/{id}", Needs.Editor, Persona.Editor,
                [Id("id", Place.Route, w => w.ThreadId.ToString(), _ => [FormWorld.UnknownNumber]),
                 Id("MessageId", Place.Body, w => w.OtherMessageId.ToString(), _ => [FormWorld.UnknownNumber]), Text("Reason", 500, valid: "A partner's shop.")])
            {
                Prepare = w => w.ResetDiscussionAsync(),
                Accepted = (w, p) => w.WithTenantAsync(async sp =>
                {
                    var message = await sp.GetRequiredService<LearningDbContext>().DiscussionMessages.SingleAsync(m => m.Id == w.OtherMessageId);
                    Stored.That(message.Status == MessageStatus.Visible, $"the status {message.Status}");
                    Stored.Line(message.ModerationReason, p["Reason"], 500, "the reason", lines: true);
                    return 0;
                }),
            },
            new(typeof(ThreadPageModel), "Approve", "/en/discussions/{id}", Needs.Editor, Persona.Editor,
                [Id("id", Place.Route, w => w.ThreadId.ToString(), _ => [FormWorld.UnknownNumber]),
                 Id("MessageId", Place.Body, w => w.HeldMessageId.ToString(), _ => [FormWorld.UnknownNumber])])
            {
                Prepare = w => w.ResetDiscussionAsync(),
            },
            new(typeof(ThreadPageModel), "Pin", "/en/discussions/{id}", Needs.Editor, Persona.Editor,
                [Id("id", Place.Route, w => w.ThreadId.ToString(), _ => [FormWorld.UnknownNumber]),
                 Id("MessageId", Place.Body, w => w.OtherMessageId.ToString(), w => [w.HeldMessageId.ToString(), FormWorld.UnknownNumber])])
            {
                Prepare = w => w.ResetDiscussionAsync(),
            },
            new(typeof(ThreadPageModel), "Lock", "/en/discussions/{id}", Needs.Editor, Persona.Editor,
                [Id("id", Place.Route, w => w.ThreadId.ToString(), _ => [FormWorld.UnknownNumber]), Choice("locked", "True", place: Place.Query)])
            {
                Prepare = w => w.ResetDiscussionAsync(),
            },
            new(typeof(ThreadPageModel), "Follow", "/en/discussions/{id}", Needs.SignedIn, Persona.Learner,
                [Id("id", Place.Route, w => w.ThreadId.ToString(), _ => [FormWorld.UnknownNumber]), Choice("follow", "True", place: Place.Query)])
            {
                Prepare = w => w.ResetDiscussionAsync(),
            },
            new(typeof(EditMessageModel), "", "/en/discussions/messages/{id}/edit", Needs.SignedIn, Persona.Learner,
                [Id("id", Place.Route, w => w.LearnerMessageId.ToString(), w => [w.OtherMessageId.ToString(), FormWorld.UnknownNumber]),
                 Text("Body", 5000, required: true, valid: "Mine, corrected.")])
            {
                Prepare = w => w.ResetDiscussionAsync(),
                Accepted = (w, p) => w.WithTenantAsync(async sp =>
                {
                    var message = await sp.GetRequiredService<LearningDbContext>().DiscussionMessages.SingleAsync(m => m.Id == w.LearnerMessageId);
                    Stored.Line(message.Body, p["Body"], 5000, "the message", lines: true);
                    return 0;
                }),
            },
            new(typeof(DiscussionQueueModel), "Approve", "/en/editor/discussions", Needs.Editor, Persona.Editor,
                [Id("MessageId", Place.Body, w => w.HeldMessageId.ToString(), _ => [FormWorld.UnknownNumber])])
            {
                Prepare = w => w.ResetDiscussionAsync(),
            },
            new(typeof(DiscussionQueueModel), "Dismiss", "/en/editor/discussions", Needs.Editor, Persona.Editor,
                [Id("MessageId", Place.Body, w => w.OtherMessageId.ToString(), _ => [FormWorld.UnknownNumber])])
            {
                Prepare = w => w.ResetDiscussionAsync(),
            },
            new(typeof(DiscussionQueueModel), "Hide", "/en/editor/discussions", Needs.Editor, Persona.Editor,
                [Id("MessageId", Place.Body, w => w.OtherMessageId.ToString(), _ => [FormWorld.UnknownNumber]), Text("Reason", 500, required: true, valid: "Advertising.")])
            {
                Prepare = w => w.ResetDiscussionAsync(),
                Accepted = (w, p) => w.WithTenantAsync(async sp =>
                {
                    var message = await sp.GetRequiredService<LearningDbContext>().DiscussionMessages.SingleAsync(m => m.Id == w.OtherMessageId);
                    Stored.Line(message.ModerationReason, p["Reason"], 500, "the reason", lines: true);
                    return 0;
                }),
            },
            new(typeof(CommunitySettingsModel), "", "/en/admin/community", Needs.Administrator, Persona.Administrator,
                [Flag("MembersOnly", "true"), Flag("HoldFirstMessages", "true"), Flag("RemoveErasedContent")])
            {
                Prepare = w => w.ResetDiscussionAsync(),
            },
            new(typeof(DiscussionEmailsModel), "", "/en/discussions/emails", Needs.SignedIn, Persona.Learner,
                [Choice("Mode", "DailyDigest", required: true)])
            {
                Prepare = w => w.WithDbAsync(db => db.NotificationChoices.ExecuteDeleteAsync()),
                Accepted = (w, p) => w.WithDbAsync(async db =>
                {
                    var choice = await db.NotificationChoices.SingleOrDefaultAsync();
                    Stored.That(choice?.Mode.ToString() == p["Mode"] || (p["Mode"] == "None" && choice is null), $"the choice {choice?.Mode}");
                    return 0;
                }),
            },
            new(typeof(DiscussionEmailsModel), "Place", "/en/discussions/emails", Needs.SignedIn, Persona.Learner,
                [Choice("place", "practice", required: true), Id("id", Place.Body, _ => "job-desk", _ => ["no-such-set", "job-desk-en", FormWorld.UnknownNumber]),
                 Flag("follow", "true"), Flag("all"), Choice("back")])
            {
                Prepare = w => w.WithDbAsync(db => db.PlaceFollows.ExecuteDeleteAsync()),
                Accepted = (w, p) => w.WithDbAsync(async db =>
                {
                    var follows = await db.PlaceFollows.ToListAsync();
                    Stored.That(follows.Count == (bool.TryParse(p["follow"], out var follow) && follow ? 1 : 0), $"{follows.Count} places followed");
                    Stored.That(follows.All(f => f.PlaceKind == "practice" && f.PlaceId == "job-desk"), "the place followed");
                    return 0;
                }),
            },

            // Community: share your practice
            new(typeof(ShareModel), "", "/en/share", Needs.SignedIn, Persona.Learner,
                [Text("Input.Title", 300, required: true, valid: "Job café for young people"), Text("Input.Summary", 1000, required: true, valid: "A monthly café."),
                 Text("Input.Organisations", 2000, required: true, valid: "Mission locale\nCafé du Parvis"), Choice("Input.Country", "BE", required: true),
                 Text("Input.Place", 200), Text("Input.Period", 200), Text("Input.Contact", 200),
                 Text("Input.Description", 8000, required: true, valid: "Young people meet employers."), Text("Input.Implementation", 8000),
                 Text("Input.Results", 8000), Text("Input.Transferability", 8000), Flag("Input.CreditByName", "true"),
                 File("Upload", _ => ("cafe.png", FormWorld.Png)) with { Optional = true }])
            {
                Multipart = true,
                Accepted = async (w, p) =>
                {
                    var submission = await w.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().PracticeSubmissions.OrderBy(s => s.Id).LastAsync());
                    var version = await w.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentVersions.SingleAsync(v => v.ItemId == submission.ContentItemId));
                    // Invalid UTF-8 in a multipart part: the server reads one replacement character where this check's decoder reads several.
                    static string? OneReplacement(string? text) => text is null ? null : System.Text.RegularExpressions.Regex.Replace(text, "\uFFFD+", "\uFFFD");
                    Stored.That(submission.UserId == w.People[Emails.Learner].Id, "the submission's learner");
                    Stored.Line(OneReplacement(submission.Title), OneReplacement(p["Input.Title"]), 300, "the title");
                    Stored.Line(OneReplacement(version.Title), OneReplacement(p["Input.Title"]), 300, "the draft's title");
                    Stored.Line(OneReplacement(version.Summary), OneReplacement(p["Input.Summary"]), 1000, "the summary", lines: true);
                    Stored.Clean(version.Body, "the body", lines: true);
                    Stored.Json(version.Fields, "the fields");
                },
            },
            new(typeof(MySubmissionsModel), "Reply", "/en/share/mine", Needs.SignedIn, Persona.Learner,
                [Id("id", Place.Query, w => w.SubmissionId.ToString(), w => [w.OtherSubmissionId.ToString(), FormWorld.UnknownNumber]),
                 Text("Text", 2000, required: true, valid: "Five employers came.")])
            {
                Accepted = async (w, p) =>
                {
                    var message = await w.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().SubmissionMessages.OrderBy(m => m.Id).LastAsync());
                    Stored.That(message.SubmissionId == w.SubmissionId && !message.FromEditor && message.AuthorId == w.People[Emails.Learner].Id, "the message's thread and author");
                    Stored.Line(message.Text, p["Text"], 2000, "the message", lines: true);
                },
            },
            new(typeof(MySubmissionsModel), "Credit", "/en/share/mine", Needs.SignedIn, Persona.Learner,
                [Id("id", Place.Query, w => w.SubmissionId.ToString(), w => [w.OtherSubmissionId.ToString(), FormWorld.UnknownNumber]), Flag("Credit", "true")])
            {
                Accepted = async (w, _) =>
                {
                    var credited = await w.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().PracticeSubmissions.Where(s => s.Id == w.SubmissionId).Select(s => s.CreditByName).SingleAsync());
                    await w.WithDbAsync(db => db.PracticeSubmissions.Where(s => s.Id == w.SubmissionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreditByName, false)));
                    Stored.That(credited, "the credit");
                },
            },
            new(typeof(SubmissionModel), "Write", "/en/editor/submissions/{id}", Needs.Editor, Persona.Editor,
                [Id("id", Place.Route, w => w.SubmissionId.ToString(), _ => [FormWorld.UnknownNumber]), Text("Text", 2000, required: true, valid: "How many employers came?")])
            {
                Accepted = async (w, p) =>
                {
                    var message = await w.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().SubmissionMessages.OrderBy(m => m.Id).LastAsync());
                    Stored.That(message.SubmissionId == w.SubmissionId && message.FromEditor && message.AuthorId == w.People[Emails.Editor].Id, "the message's thread and author");
                    Stored.Line(message.Text, p["Text"], 2000, "the message", lines: true);
                },
            },
            new(typeof(SubmissionModel), "Decline", "/en/editor/submissions/{id}", Needs.Editor, Persona.Editor,
                [Id("id", Place.Route, w => w.SubmissionId.ToString(), _ => [FormWorld.UnknownNumber]), Text("Reason", 2000, required: true, valid: "The toolbox has one already.")])
            {
                Accepted = async (w, p) =>
                {
                    var submission = await w.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().PracticeSubmissions.SingleAsync(s => s.Id == w.SubmissionId));
                    Stored.That(submission.Status == SubmissionStatus.Declined, $"the status {submission.Status}");
                    Stored.Line(submission.DeclineReason, p["Reason"], 2000, "the reason", lines: true);
                    // Back to the editors' queue for the next input.
                    await w.WithDbAsync(db => db.PracticeSubmissions.Where(s => s.Id == w.SubmissionId)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubmissionStatus.Submitted).SetProperty(x => x.DeclineReason, (string?)null)));
                    await w.WithDbAsync(db => db.ContentItems.Where(i => i.Id == submission.ContentItemId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ContentStatus.Draft)));
                },
            },

            // Assessment
            new(typeof(AttemptQuestionModel), "", "/en/tests/attempts/{id}/{position}", Needs.SignedIn, Persona.Learner,
                [Id("id", Place.Route, w => w.QuestionAttemptId.ToString(), w => [w.OtherAttemptId.ToString(), FormWorld.UnknownNumber]),
                 Id("position", Place.Route, _ => "1", w => [(w.Questions + 1).ToString()]),
                 Choices("choice", "0"), Choice("match-0", "0"), Choice("match-1", "1"), Choice("rank-0", "1"), Choice("rank-1", "2"),
                 Text("text", valid: "VDC"), new FormField("number", FieldKind.Number) { Valid = _ => "19" }, Choice("direction", "next")])
            {
                Accepted = (w, _) => w.WithTenantAsync(async sp =>
                {
                    var db = sp.GetRequiredService<LearningDbContext>();
                    foreach (var response in await db.AttemptAnswers.Select(a => a.Response).ToListAsync())
                    {
                        Stored.That(response.Length < 4000, $"an answer of {response.Length} characters");
                        Stored.Json(response, "an answer");
                    }

                    // Posted without its position, the form reached the attempt's summary, which submits it.
                    if (await db.Attempts.AnyAsync(a => a.Id == w.QuestionAttemptId && a.SubmittedUtc != null))
                    {
                        await w.NewQuestionAttemptAsync();
                    }

                    return 0;
                }),
            },
            new(typeof(AttemptSummaryModel), "", "/en/tests/attempts/{id}", Needs.SignedIn, Persona.Learner,
                [Id("id", Place.Route, w => w.SubmitAttemptId.ToString(), w => [w.OtherAttemptId.ToString(), FormWorld.UnknownNumber])])
            {
                Accepted = async (w, _) =>
                {
                    Stored.That(await w.WithDbAsync(db => db.Attempts.CountAsync(a => a.Id == w.SubmitAttemptId && a.SubmittedUtc != null)) == 1, "the attempt is not submitted");
                    await w.NewSubmitAttemptAsync();
                },
            },
        };

        // The editors of content items share their handlers.
        foreach (var (page, path, item, other, fields) in new (Type, string, Func<FormWorld, int>, Func<FormWorld, int>, FormField[])[]
        {
            (typeof(EditPracticeModel), "/en/editor/practice/{id}", w => w.PracticeId, w => w.TutorialId,
                [Text("Input.Organisations", 2000, true), Choice("Input.Country"), Text("Input.Place", 200), Text("Input.Period", 200), Text("Input.Contact", 200),
                 Choices("Input.Themes"), Choices("Input.TargetPublics"), Choices("Input.ActionTypes"), Text("Input.Related", 1000), Text("Input.Body", required: true)]),
            (typeof(EditTutorialModel), "/en/editor/tutorial/{id}", w => w.TutorialId, w => w.PracticeId, [Text("Input.Body"), Text("Input.Parts", required: true)]),
            (typeof(EditMoocPartModel), "/en/editor/mooc-part/{id}", w => w.PartItemId, w => w.TutorialId, [Text("Input.Body"), Text("Input.Parts", required: true)]),
            (typeof(EditGlossaryModel), "/en/editor/glossary/{id}", w => w.GlossaryItemId, w => w.PartItemId, [Text("Input.Body"), Text("Input.Parts", required: true)]),
        })
        {
            FormField[] common =
            [
                Id("id", Place.Route, w => item(w).ToString(), w => [other(w).ToString(), FormWorld.UnknownNumber]),
                Text("Input.Title", 300, true), Text("Input.Slug", 100, true), Text("Input.Summary", 1000, true), Text("Input.SetId"), Choice("Input.Culture"),
            ];
            foreach (var handler in new[] { "Save", "Submit", "Publish", "Preview" })
            {
                forms.Add(new(page, handler, path, Needs.Editor, Persona.Editor, [.. common, .. fields])
                {
                    UsesDatabase = handler != "Preview" || page != typeof(EditPracticeModel), // the practice's preview only renders Markdown
                    Sample = (10, 8),
                    Accepted = (w, p) => Stored.LatestVersionAsync(w, item(w), p),
                });
            }
        }

        forms.Add(new(typeof(EditPracticeModel), "PreviewFragment", "/en/editor/practice", Needs.Editor, Persona.Editor, [Text("Input.Body")]) { UsesDatabase = false, Sample = (12, 0) });
        forms.Add(new(typeof(EditPracticeModel), "Archive", "/en/editor/practice/{id}", Needs.Editor, Persona.Editor,
            [Id("id", Place.Route, w => w.PracticeId.ToString(), w => [w.TutorialId.ToString(), FormWorld.UnknownNumber])]));
        return forms;
    }

    /// <summary>Checks of what an accepted input stored: what the person typed, trimmed, within its bounds, without
    /// control characters.</summary>
    /// <summary>The learner's unsubscribe token for a list, signed for a tenant (the other tenant's does not open here).</summary>
    private static string UnsubscribeToken(FormWorld w, string tenant, string list) =>
        w.App.Services.GetRequiredService<UnsubscribeLinks>().Token(
            // Only the tenant's name makes the token's purpose: the other tenant may be deleted and made again by its forms.
            new Tenant { Name = tenant, DisplayName = tenant },
            w.People[Emails.Learner].Id, list);

    private static class Stored
    {
        public static void That(bool condition, string what)
        {
            if (!condition)
            {
                throw new InvalidOperationException("stored wrongly: " + what);
            }
        }

        public static string Show(string? text) => text is null ? "null" : System.Text.Json.JsonSerializer.Serialize(text.Length > 80 ? text[..80] + "…" : text);

        /// <summary>No control characters (but line breaks and tabs in a text of several lines) and no lone surrogates.</summary>
        public static void Clean(string? text, string what, bool lines = false) =>
            That(text is null || !text.Any(c => char.IsControl(c) && !(lines && c is '\n' or '\r' or '\t')) && !DatabaseSnapshot.HasLoneSurrogate(text),
                $"{what} {Show(text)} has control characters or a lone surrogate");

        /// <summary>JSON whose strings are all text (an escaped lone surrogate cannot be read back as one).</summary>
        public static void Json(string json, string what)
        {
            static IEnumerable<System.Text.Json.JsonElement> All(System.Text.Json.JsonElement e) => e.ValueKind switch
            {
                System.Text.Json.JsonValueKind.Object => e.EnumerateObject().SelectMany(p => All(p.Value)),
                System.Text.Json.JsonValueKind.Array => e.EnumerateArray().SelectMany(All),
                _ => [e],
            };

            using var document = System.Text.Json.JsonDocument.Parse(json);
            foreach (var text in All(document.RootElement).Where(e => e.ValueKind == System.Text.Json.JsonValueKind.String))
            {
                try
                {
                    Clean(text.GetString(), what, lines: true);
                }
                catch (InvalidOperationException exception) when (!exception.Message.StartsWith("stored wrongly", StringComparison.Ordinal))
                {
                    That(false, $"{what} {Show(text.GetRawText())} is not text");
                }
            }
        }

        /// <summary>A one-line text as typed: trimmed, null when blank (optional fields), within its bound.</summary>
        public static void Line(string? stored, string? posted, int max, string what, bool lines = false)
        {
            var expected = string.IsNullOrWhiteSpace(posted) ? null : posted.Trim();
            That(stored == expected || (expected is null && stored == ""), $"{what} {Show(stored)} for {Show(posted)}");
            That((stored?.Length ?? 0) <= max, $"{what} of {stored?.Length} characters");
            Clean(stored, what, lines);
        }

        public static void Profile(LearningUser user, Posted p)
        {
            Line(user.DisplayName, p["Input.DisplayName"], 100, "the display name");
            Line(user.Country, p["Input.Country"], 100, "the country");
            Line(user.Profession, p["Input.Profession"], 100, "the profession");
            That(Cultures.All.Contains(user.PreferredCulture), $"the language {Show(user.PreferredCulture)}");
        }

        /// <summary>The structure a profile form chose: the one proposed when a name was typed (an existing one of that
        /// name, or a new proposal of this person with what they typed), else the one the directory field names, else none;
        /// the organisation is the structure's name.</summary>
        public static async Task StructureAsync(IServiceProvider sp, LearningUser user, Posted p)
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            var structure = user.StructureId is { } id ? await db.Structures.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id) : null;
            That(user.StructureId is null || structure is not null, "the person's structure does not exist");
            That(user.Organisation == structure?.Name || (structure is null && user.Organisation is null), $"the organisation {Show(user.Organisation)} for the structure {Show(structure?.Name)}");
            if (!string.IsNullOrWhiteSpace(p["Input.NewStructureName"]))
            {
                That(structure is not null && structure.NormalizedName == FoldedText.Key(p["Input.NewStructureName"]!), $"the structure {Show(structure?.Name)} for the proposal {Show(p["Input.NewStructureName"])}");
                if (structure!.ProposedBy == user.Id)
                {
                    Line(structure.Name, p["Input.NewStructureName"], 200, "the proposed name");
                    Line(structure.Municipality, p["Input.NewStructureMunicipality"], 100, "the proposed municipality");
                    That(structure.Type == p["Input.NewStructureType"] && structure.Country == p["Input.NewStructureCountry"] && structure.Status == StructureStatus.Proposed,
                        $"the proposal {structure.Type} {structure.Country} {structure.Status}");
                }
            }
            else if (string.IsNullOrWhiteSpace(p["Input.Organisation"]))
            {
                That(structure is null, "a structure for an empty choice");
            }
            else
            {
                var typed = p["Input.Organisation"]!.Trim();
                var name = typed.LastIndexOf(Structures.Separator, StringComparison.Ordinal) is var at and > 0 ? typed[..at] : typed;
                That(structure is not null && (structure.NormalizedName == FoldedText.Key(typed) || structure.NormalizedName == FoldedText.Key(name)),
                    $"the structure {Show(structure?.Name)} for {Show(typed)}");
            }
        }

        /// <summary>E-mails queued by an account form go to people who have an account, and only to them.</summary>
        public static async Task<int> OutboxToKnownPeopleAsync(IServiceProvider sp)
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            var known = await db.Users.Select(u => u.Email).ToListAsync();
            foreach (var to in await db.OutboxMessages.Select(m => m.To).Distinct().ToListAsync())
            {
                That(known.Contains(to), $"an e-mail to {Show(to)}");
            }

            return 0;
        }

        /// <summary>An item's latest version holds the title, summary and slug as typed.</summary>
        public static Task LatestVersionAsync(FormWorld w, int id, Posted p) => w.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            var item = await db.ContentItems.SingleAsync(i => i.Id == id);
            var version = await db.ContentVersions.SingleAsync(v => v.ItemId == id && v.Number == item.LatestVersionNumber);
            Line(version.Title, p["Input.Title"], 300, "the title");
            Line(version.Summary, p["Input.Summary"], 1000, "the summary", lines: true);
            That(item.Slug == p["Input.Slug"]?.Trim(), $"the slug {Show(item.Slug)}");
            That(!version.Body.Contains('\0'), "a NUL in the body");
            return 0;
        });
    }
}
