using System.Text;
using Learning.Modules.Accounts;
using Learning.Modules.Assessment;
using Learning.Modules.Certificates;
using Learning.Modules.Community.Discussions;
using Learning.Modules.Community.Sharing;
using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Security;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Learning.Modules.Feedback;
using Learning.Modules.Mooc;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Hardening;

/// <summary>
/// What the forms of <see cref="FormTable"/> work on: one app on the small content, the people each form is posted as
/// (each signed in once), a second tenant with its own person, and the rows the forms pick (items, a media file, a
/// certificate, attempts of two learners). A form that uses its subject up (a deleted account, a submitted attempt,
/// a deleted tenant) puts it back through the methods here.
/// </summary>
public sealed class FormWorld : IAsyncDisposable
{
    public const string OtherTenant = "other";

    /// <summary>An id no row has, far beyond the small content's.</summary>
    public const string UnknownNumber = "987654";

    public static readonly string UnknownUserId = Guid.Empty.ToString();

    private readonly Dictionary<Persona, HttpClient> clients = [];

    private FormWorld(LearningApp app) => App = app;

    public LearningApp App { get; }

    public Db Database => App.Database;

    public Dictionary<string, LearningUser> People { get; } = [];

    public string OtherTenantUserId { get; private set; } = "";

    public int PracticeId { get; private set; }

    public int TutorialId { get; private set; }

    public int PartItemId { get; private set; }

    public int GlossaryItemId { get; private set; }

    public int MediaId { get; private set; }

    public int CertificateId { get; private set; }

    /// <summary>Another learner's opinion of a practice, which the editors triage.</summary>
    public int FeedbackItemId { get; private set; }

    /// <summary>A thread of the other learner, in the general place, where the learner writes.</summary>
    public int ThreadId { get; private set; }

    /// <summary>The other learner's reply in <see cref="ThreadId"/>: reported, hidden, restored, pinned.</summary>
    public int OtherMessageId { get; private set; }

    /// <summary>The learner's own reply in <see cref="ThreadId"/>: edited and deleted.</summary>
    public int LearnerMessageId { get; private set; }

    /// <summary>The other learner's reply waiting for approval.</summary>
    public int HeldMessageId { get; private set; }
    /// <summary>A practice the learner shared, and one another learner shared (Community's sharing).</summary>
    public int SubmissionId { get; private set; }

    public int OtherSubmissionId { get; private set; }

    /// <summary>The learner's attempt in progress whose questions are answered.</summary>
    public int QuestionAttemptId { get; private set; }

    public int Questions { get; private set; }

    /// <summary>The learner's attempt that is submitted; a new one replaces it once it is.</summary>
    public int SubmitAttemptId { get; private set; }

    /// <summary>Another learner's attempt.</summary>
    public int OtherAttemptId { get; private set; }

    /// <summary>A fresh code of the password-reset link (see <see cref="NewResetCodeAsync"/>).</summary>
    public string ResetCode { get; private set; } = "";

    public string XliffHu { get; private set; } = "";

    /// <summary>The listed structure profile forms choose ("Maison de l'emploi").</summary>
    public int StructureId { get; private set; }

    /// <summary>The structure the administrator's edit form changes.</summary>
    public int EditedStructureId { get; private set; }

    /// <summary>A proposed structure the administrator approves (put back to proposed after each).</summary>
    public int ProposedStructureId { get; private set; }

    /// <summary>The structure a merge keeps, and the one it deletes (made anew after each merge).</summary>
    public int MergeKeptId { get; private set; }

    public int MergeGoneId { get; private set; }

    /// <summary>An organisation a person typed before the directory, which the administrator makes a structure of.</summary>
    public const string FreeTextOrganisation = "Atelier du Coin";

    public byte[] ContentZip { get; private set; } = [];

    public static byte[] Png { get; } = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[56]];

    /// <summary>The e-mail addresses of the people, by what they are for.</summary>
    public static class Emails
    {
        public const string Learner = "learner@example.org";
        public const string OtherLearner = "other.learner@example.org";
        public const string Profile = "profile@example.org";
        public const string PasswordChanger = "changer@example.org";
        public const string Leaver = "leaver@example.org";
        public const string Editor = "editor@example.org";
        public const string Administrator = "admin@example.org";
        public const string Person = "person@example.org";
        public const string Resetting = "resetting@example.org";
        public const string Unconfirmed = "unconfirmed@example.org";
        public const string Known = "known@example.org";
        public const string Newcomer = "newcomer@example.org";
    }

    public static string EmailOf(Persona persona) => persona switch
    {
        Persona.Learner => Emails.Learner,
        Persona.Profile => Emails.Profile,
        Persona.PasswordChanger => Emails.PasswordChanger,
        Persona.Leaver => Emails.Leaver,
        Persona.Editor => Emails.Editor,
        Persona.Administrator => Emails.Administrator,
        _ => throw new ArgumentOutOfRangeException(nameof(persona)),
    };

    public static async Task<FormWorld> CreateAsync(Db db)
    {
        var app = new LearningApp(db, new Dictionary<string, string?>
        {
            ["Learning:AccountPostsPerMinute"] = "1000000", // the corpus is one client posting hundreds of times
            ["Learning:Email:SendIntervalSeconds"] = "86400", // the outbox stays as the forms leave it, between snapshots
            ["Learning:Assessment:Tests:mooc/part-1/validation:HoursBetweenAttempts"] = "0", // submitted again and again
            ["Learning:Community:MessagesPerMinutePerPerson"] = "1000000", // the corpus is one client posting hundreds of times
            ["Learning:Community:MessagesPerMinutePerTenant"] = "1000000",
            ["Learning:Assessment:Tests:mooc/part-2/validation:HoursBetweenAttempts"] = "0",
        }, TestContent.Small().With("glossary/brussels-services/glossary.en.md", TestContent.Glossary("en")));
        var world = new FormWorld(app);
        try
        {
            await world.SetUpAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return world;
    }

    private async Task SetUpAsync()
    {
        foreach (var (email, role) in new[]
        {
            (Emails.Learner, Roles.Learner), (Emails.OtherLearner, Roles.Learner), (Emails.Profile, Roles.Learner), (Emails.PasswordChanger, Roles.Learner),
            (Emails.Leaver, Roles.Learner), (Emails.Editor, Roles.Editor), (Emails.Administrator, Roles.Administrator), (Emails.Person, Roles.Learner),
            (Emails.Resetting, Roles.Learner), (Emails.Unconfirmed, Roles.Learner), (Emails.Known, Roles.Learner),
        })
        {
            People[email] = await App.CreateUserAsync(email, null, role);
        }

        await App.WithTenantAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<LearningUser>>();
            var unconfirmed = (await users.FindByEmailAsync(Emails.Unconfirmed))!;
            unconfirmed.EmailConfirmed = false;
            await users.UpdateAsync(unconfirmed);

            var db = sp.GetRequiredService<LearningDbContext>();
            int Item(string type, string set) => db.ContentItems.Single(i => i.Type == type && i.SetId == set && i.Culture == "en").Id;
            PracticeId = Item("practice", "job-desk");
            TutorialId = Item("tutorial", "job-desk");
            PartItemId = Item(MoocPartType.TypeName, "part-1");
            GlossaryItemId = Item("glossary", "brussels-services");

            var progress = sp.GetRequiredService<CourseProgress>();
            var examiner = sp.GetRequiredService<Examiner>();
            await progress.EnrolAsync(People[Emails.Learner].Id, default);
            await progress.EnrolAsync(People[Emails.OtherLearner].Id, default);
            var attempt = (await examiner.StartAsync(People[Emails.Learner].Id, "mooc/part-1/validation", default))!;
            (QuestionAttemptId, Questions) = (attempt.Id, Examiner.QuestionNames(attempt).Count);
            SubmitAttemptId = (await examiner.StartAsync(People[Emails.Learner].Id, "mooc/part-2/validation", default))!.Id;
            OtherAttemptId = (await examiner.StartAsync(People[Emails.OtherLearner].Id, "mooc/part-3/validation", default))!.Id;

            var certificate = new Certificate
            {
                Code = "FORMCORPUS", UserId = People[Emails.Learner].Id, RecipientName = "learner", RecipientHash = "sha256$x", Salt = "s", Culture = "en",
                IssuedUtc = DateTime.UtcNow,
            };
            db.Certificates.Add(certificate);
            await db.SaveChangesAsync();
            CertificateId = certificate.Id;
            var opinion = new FeedbackItem
            {
                UserId = People[Emails.OtherLearner].Id, Kind = "practice", SetId = "digital-check", Culture = "en", Rating = 3, Comment = "Which tools?",
                CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.FeedbackItems.Add(opinion);
            await db.SaveChangesAsync();
            FeedbackItemId = opinion.Id;
            var sharing = sp.GetRequiredService<SharedPractices>();
            var shared = new SubmissionInput { Title = "Job café", Summary = "A café.", Organisations = "Café", Country = "BE", Description = "Coffee and jobs." };
            SubmissionId = (await sharing.SubmitAsync(People[Emails.Learner].Id, "en", shared, null, null, "", default)).Submission!.Id;
            OtherSubmissionId = (await sharing.SubmitAsync(People[Emails.OtherLearner].Id, "en", shared with { Title = "Another café" }, null, null, "", default)).Submission!.Id;

            XliffHu = (await sp.GetRequiredService<Xliff>().ExportAsync("practice", "job-desk", "hu", default))!.ToString();
            using var zip = new MemoryStream();
            await sp.GetRequiredService<ContentExporter>().WriteZipAsync(zip, default);
            ContentZip = zip.ToArray();
            return 0;
        });
        await NewMediaFileAsync();
        await NewResetCodeAsync();
        await SetUpStructuresAsync();
        await CreateOtherTenantAsync();
        await SetUpDiscussionAsync();
        foreach (var persona in Enum.GetValues<Persona>().Where(p => p != Persona.Visitor))
        {
            await SignInAgainAsync(persona);
        }
    }

    /// <summary>The second tenant (SQLite on both runs: what matters is that it is another tenant), with a person.</summary>
    public async Task CreateOtherTenantAsync()
    {
        var tenant = new Tenant { Name = OtherTenant, DisplayName = "Other network", UrlPrefix = OtherTenant, DatabaseProvider = DatabaseProvider.Sqlite, CreatedUtc = DateTime.UtcNow };
        await App.Services.GetRequiredService<TenantSetup>().SetUpAsync(tenant, "chief@other.example");
        OtherTenantUserId = (await App.CreateUserAsync("someone@other.example", OtherTenant)).Id;
    }

    public Task<T> WithTenantAsync<T>(Func<IServiceProvider, Task<T>> action) => App.WithTenantAsync(action);

    public Task<int> WithDbAsync(Func<LearningDbContext, Task<int>> action) => App.WithTenantAsync(sp => action(sp.GetRequiredService<LearningDbContext>()));

    public HttpClient Client(Persona persona) =>
        persona == Persona.Visitor ? App.CreateClient() : clients[persona];

    /// <summary>Signs the persona in again, in a new client (after its session ended or its password changed).</summary>
    public async Task<HttpClient> SignInAgainAsync(Persona persona)
    {
        var client = App.CreateClient();
        await client.LogInSuccessfullyAsync(EmailOf(persona));
        clients[persona] = client;
        return client;
    }

    private async Task SetUpStructuresAsync()
    {
        StructureId = await NewStructureAsync("Maison de l'emploi", StructureStatus.Listed);
        EditedStructureId = await NewStructureAsync("Structure to edit", StructureStatus.Listed);
        ProposedStructureId = await NewStructureAsync("Proposed structure", StructureStatus.Proposed);
        MergeKeptId = await NewStructureAsync("Structure kept", StructureStatus.Listed);
        await NewMergeGoneAsync();
        await ResetFreeTextAsync();
    }

    public Task<int> NewStructureAsync(string name, StructureStatus status) => App.WithTenantAsync(async sp =>
    {
        var structures = sp.GetRequiredService<Structures>();
        var structure = structures.New(name, "association", "Lyon", "FR", status, null);
        var db = sp.GetRequiredService<LearningDbContext>();
        db.Structures.Add(structure);
        await db.SaveChangesAsync();
        return structure.Id;
    });

    /// <summary>A new duplicate to merge (with a person), once the previous one is merged away.</summary>
    public async Task NewMergeGoneAsync()
    {
        MergeGoneId = await NewStructureAsync($"Duplicate {Guid.NewGuid():n}", StructureStatus.Proposed);
        await WithDbAsync(db => db.Users.Where(u => u.Email == Emails.Known).ExecuteUpdateAsync(s => s.SetProperty(u => u.StructureId, MergeGoneId)));
    }

    /// <summary>The person who typed <see cref="FreeTextOrganisation"/> has no structure again, and no structure has that name.</summary>
    public Task ResetFreeTextAsync() => WithDbAsync(async db =>
    {
        await db.Structures.Where(s => s.NormalizedName == FoldedText.Key(FreeTextOrganisation)).ExecuteDeleteAsync();
        return await db.Users.Where(u => u.Email == Emails.Person)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.StructureId, (int?)null).SetProperty(u => u.Organisation, FreeTextOrganisation));
    });

    public async Task NewMediaFileAsync() => MediaId = await App.WithTenantAsync(async sp =>
        (await sp.GetRequiredService<MediaUploads>().SaveAsync("pixel.png", new MemoryStream(Png), Png.Length, "editor", default)).File!.Id);

    public async Task NewResetCodeAsync() => ResetCode = await App.WithTenantAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<LearningUser>>();
        return AccountLinks.Encode(await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(Emails.Resetting))!));
    });

    /// <summary>A new attempt to answer, once the previous one is submitted.</summary>
    public async Task NewQuestionAttemptAsync() => QuestionAttemptId = await App.WithTenantAsync(async sp =>
        (await sp.GetRequiredService<Examiner>().StartAsync(People[Emails.Learner].Id, "mooc/part-1/validation", default))!.Id);

    /// <summary>A new attempt to submit, once the previous one is.</summary>
    public async Task NewSubmitAttemptAsync() => SubmitAttemptId = await App.WithTenantAsync(async sp =>
        (await sp.GetRequiredService<Examiner>().StartAsync(People[Emails.Learner].Id, "mooc/part-2/validation", default))!.Id);

    /// <summary>Wrong passwords count toward the lockout by design: counted again from zero before each input.</summary>
    public Task ResetLockoutsAsync() => WithDbAsync(db => db.Users.Where(u => u.AccessFailedCount > 0 || u.LockoutEnd != null)
        .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null)));

    /// <summary>Puts a person's password back to the one every test account has.</summary>
    public Task ResetPasswordAsync(string email) => App.WithTenantAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<LearningUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.RemovePasswordAsync(user);
        await users.AddPasswordAsync(user, LearningApp.Password);
        return 0;
    });

    public Task<bool> ChecksPasswordAsync(string email, string password) => App.WithTenantAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<LearningUser>>();
        return await users.FindByEmailAsync(email) is { } user && await users.CheckPasswordAsync(user, password);
    });

    private async Task SetUpDiscussionAsync() => await WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var other = People[Emails.OtherLearner].Id;
        var thread = new DiscussionThread { PlaceKind = "general", PlaceId = "general", Culture = "en", Title = "Opening hours", AuthorId = other, CreatedUtc = now, LastActivityUtc = now, Listed = true };
        db.DiscussionThreads.Add(thread);
        await db.SaveChangesAsync();
        DiscussionMessage Message(string author, string body, bool opening = false) => new()
        {
            ThreadId = thread.Id, AuthorId = author, Body = body, Opening = opening, CreatedUtc = now, PublishedUtc = now, Status = MessageStatus.Visible,
        };
        var messages = new[] { Message(other, "Mornings only?", opening: true), Message(other, "Tuesdays, I think."), Message(People[Emails.Learner].Id, "Mine."), Message(other, "Held.") };
        db.DiscussionMessages.AddRange(messages);
        await db.SaveChangesAsync();
        (ThreadId, OtherMessageId, LearnerMessageId, HeldMessageId) = (thread.Id, messages[1].Id, messages[2].Id, messages[3].Id);
        db.MessageReports.Add(new MessageReport { MessageId = OtherMessageId, ReporterId = People[Emails.Person].Id, Reason = "Check it.", CreatedUtc = now });
        await db.SaveChangesAsync();
        await ResetDiscussionAsync();
        return 0;
    });

    /// <summary>The thread as set up: open, nothing pinned, the learner's reply fresh (editable) and shown, the other's shown and
    /// reported, the held one waiting, the tenant's settings the defaults.</summary>
    public Task ResetDiscussionAsync() => WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        await db.DiscussionSettings.ExecuteDeleteAsync();
        await db.ThreadFollows.ExecuteDeleteAsync();
        await db.DiscussionThreads.Where(t => t.Id == ThreadId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Locked, false).SetProperty(t => t.PinnedMessageId, (int?)null));
        await db.DiscussionMessages.Where(m => m.Id == LearnerMessageId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Body, "Mine.").SetProperty(m => m.CreatedUtc, now)
            .SetProperty(m => m.DeletedUtc, (DateTime?)null).SetProperty(m => m.EditedUtc, (DateTime?)null));
        await db.DiscussionMessages.Where(m => m.Id == OtherMessageId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Visible)
            .SetProperty(m => m.ModerationReason, (string?)null));
        await db.DiscussionMessages.Where(m => m.Id == HeldMessageId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Held)
            .SetProperty(m => m.PublishedUtc, (DateTime?)null));
        return await db.MessageReports.Where(r => r.MessageId == OtherMessageId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedUtc, (DateTime?)null));
    });

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
    }
}
