using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Learning.Modules.Accounts;
using Learning.Modules.Accounts.Contracts;
using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Accounts;

/// <summary>The directory of structures: people choose or propose theirs, administrators keep the directory, and
/// Reporting reads it through the contracts.</summary>
public sealed class StructureTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_newcomer_chooses_a_listed_structure_however_they_spell_it_and_is_linked_to_it(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var lyon = await AddStructureAsync(app, "Mission Locale de Lyon", "Lyon");
        await AddStructureAsync(app, "Someone's proposal", null, StructureStatus.Proposed);
        var client = app.CreateClient();

        var page = await client.GetPageAsync("/en/account/register");
        var options = page.QuerySelectorAll<IHtmlOptionElement>("#structure-list option").Select(o => o.Value).ToList();
        Assert.Equal(["Mission Locale de Lyon — Lyon"], options); // another person's proposal is not offered
        Assert.Equal("structure-list", page.QuerySelector("#Input_Organisation")!.GetAttribute("list"));

        using (var registered = await client.SubmitAsync(page, "main form", Newcomer("ana@example.org", ("Input.Organisation", "  mission-locale de LYON "))))
        {
            Assert.Equal("/en/account/registered", registered.Headers.Location?.OriginalString);
        }

        // As the list offers it, with the municipality.
        using (await client.SubmitAsync(page, "main form", Newcomer("ben@example.org", ("Input.Organisation", "Mission Locale de Lyon — Lyon"))))
        {
        }

        var people = await PeopleAsync(app);
        Assert.Equal((lyon, "Mission Locale de Lyon"), (people["ana@example.org"].StructureId, people["ana@example.org"].Organisation));
        Assert.Equal((lyon, "Mission Locale de Lyon"), (people["ben@example.org"].StructureId, people["ben@example.org"].Organisation));
        Assert.Equal(people["ana@example.org"].CreatedUtc, people["ana@example.org"].ProfileChangedUtc);
        Assert.Equal(2, await CountAsync(app, d => d.Structures));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_missing_structure_is_proposed_counts_at_once_for_its_proposer_and_waits_for_an_administrator(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var existing = await AddStructureAsync(app, "Maison de l'Emploi", "Forest", country: "BE");
        var client = app.CreateClient();
        var page = await client.GetPageAsync("/en/account/register");
        using (await client.SubmitAsync(page, "main form", Newcomer("ana@example.org",
                   ("Input.NewStructureName", " Fundació Èxit "), ("Input.NewStructureType", "insertion-enterprise"),
                   ("Input.NewStructureMunicipality", "Barcelona"), ("Input.NewStructureCountry", "ES"))))
        {
        }

        // A proposal whose name is an existing structure's, spelt otherwise, finds it rather than making a duplicate.
        using (await client.SubmitAsync(page, "main form", Newcomer("ben@example.org",
                   ("Input.NewStructureName", "MAISON DE L EMPLOI !"), ("Input.NewStructureType", "association"), ("Input.NewStructureCountry", "FR"))))
        {
        }

        var people = await PeopleAsync(app);
        var proposal = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Structures.SingleAsync(s => s.Name == "Fundació Èxit"));
        Assert.Equal(("insertion-enterprise", "Barcelona", "ES", StructureStatus.Proposed, people["ana@example.org"].Id),
            (proposal.Type, proposal.Municipality, proposal.Country, proposal.Status, proposal.ProposedBy));
        Assert.Equal("fundacioexit", proposal.NormalizedName);
        Assert.Equal((proposal.Id, "Fundació Èxit"), (people["ana@example.org"].StructureId, people["ana@example.org"].Organisation));
        Assert.Equal((existing, "Maison de l'Emploi"), (people["ben@example.org"].StructureId, people["ben@example.org"].Organisation));
        Assert.Equal(2, await CountAsync(app, d => d.Structures));

        // The proposer finds it in their list; nobody else does until it is approved.
        await ConfirmAsync(app, "ana@example.org");
        var ana = app.CreateClient();
        await ana.LogInSuccessfullyAsync("ana@example.org");
        var account = await ana.GetPageAsync("/en/account");
        Assert.Equal("Fundació Èxit", account.QuerySelector<IHtmlInputElement>("#Input_Organisation")!.Value);
        Assert.Contains("Fundació Èxit — Barcelona", account.QuerySelectorAll<IHtmlOptionElement>("#structure-list option").Select(o => o.Value));
        await app.CreateUserAsync("other@example.org");
        var other = app.CreateClient();
        await other.LogInSuccessfullyAsync("other@example.org");
        Assert.DoesNotContain("Fundació Èxit — Barcelona", (await other.GetPageAsync("/en/account")).QuerySelectorAll<IHtmlOptionElement>("#structure-list option").Select(o => o.Value));

        var admin = await AdministrationTests.LogInAsAdministrator(app);
        var directory = await admin.GetPageAsync("/en/admin/structures");
        Assert.Equal("1 proposed structure(s) to review", directory.QuerySelector("a[href$='?status=Proposed']")!.TextContent);
        var review = await admin.GetPageAsync("/en/admin/structures?status=Proposed");
        var row = Assert.Single(review.QuerySelectorAll("tbody tr"), r => r.QuerySelector("a") is not null);
        Assert.Contains("Fundació Èxit", row.TextContent);
        var detail = await admin.GetPageAsync($"/en/admin/structures/{proposal.Id}");
        Assert.Contains("ana@example.org", detail.QuerySelector("dl")!.TextContent);
        var approved = await admin.SubmitAndFollowAsync(detail, "form[action*='handler=Approve']");
        Assert.Contains("approved", approved.Text(".alert--success"));
        Assert.Contains("Fundació Èxit — Barcelona", (await other.GetPageAsync("/en/account")).QuerySelectorAll<IHtmlOptionElement>("#structure-list option").Select(o => o.Value));
    }

    [Fact]
    public async Task Registering_with_an_address_that_has_an_account_proposes_nothing_and_answers_as_for_a_new_one()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        await app.CreateUserAsync("taken@example.org");
        var client = app.CreateClient();
        var page = await client.GetPageAsync("/en/account/register");
        (string, string)[] proposal = [("Input.NewStructureName", "Fundació Èxit"), ("Input.NewStructureType", "association"), ("Input.NewStructureCountry", "ES")];

        using var taken = await client.SubmitAsync(page, "main form", Newcomer("taken@example.org", proposal));
        Assert.Equal(0, await CountAsync(app, d => d.Structures));
        using var fresh = await client.SubmitAsync(page, "main form", Newcomer("fresh@example.org", proposal));

        Assert.Equal((HttpStatusCode.Redirect, "/en/account/registered"), (taken.StatusCode, taken.Headers.Location?.OriginalString));
        Assert.Equal((HttpStatusCode.Redirect, "/en/account/registered"), (fresh.StatusCode, fresh.Headers.Location?.OriginalString));
        Assert.Equal(1, await CountAsync(app, d => d.Structures));
        Assert.Null((await PeopleAsync(app))["taken@example.org"].StructureId);

        // Naming the proposal afterwards tells nothing: someone else's proposal is not in the directory for this form,
        // whether an earlier post made it (a new address) or not (an address with an account).
        var probe = await client.GetPageAsync("/en/account/register");
        var named = await client.SubmitAndFollowAsync(probe, "main form", Newcomer("other@example.org", ("Input.Organisation", "Fundacio Exit")));
        Assert.Contains("This structure is not in the directory", named.Text("main"));
    }

    [Fact]
    public async Task Leaving_ones_own_proposal_that_nobody_else_chose_deletes_it()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var listed = await AddStructureAsync(app, "Pôle emploi Nantes", "Nantes");
        await app.CreateUserAsync("ana@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("ana@example.org");
        var account = await client.GetPageAsync("/en/account");
        await client.SubmitAndFollowAsync(account, "main form", ("Input.NewStructureName", "Typo structure"), ("Input.NewStructureType", "other"), ("Input.NewStructureCountry", "FR"));
        Assert.Equal(2, await CountAsync(app, d => d.Structures));

        var again = await client.GetPageAsync("/en/account");
        var saved = await client.SubmitAndFollowAsync(again, "main form", ("Input.Organisation", "Pôle emploi Nantes — Nantes"));
        Assert.NotNull(saved.QuerySelector(".alert--success"));
        Assert.Equal(listed, (await PeopleAsync(app))["ana@example.org"].StructureId);
        Assert.Equal(["Pôle emploi Nantes"], await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Structures.Select(s => s.Name).ToListAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Bad_structure_input_gets_a_message_by_its_field_and_changes_nothing(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var listed = await AddStructureAsync(app, "Mission Locale de Lyon", "Lyon");
        var person = await app.CreateUserAsync("ana@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("ana@example.org");
        var account = await client.GetPageAsync("/en/account");
        await client.SubmitAndFollowAsync(account, "main form", ("Input.Organisation", "Mission Locale de Lyon"));
        var before = await PeopleAsync(app);

        (string Field, (string, string)[] Values)[] cases =
        [
            ("Input.Organisation", [("Input.Organisation", "Mission locale de Lille")]),
            ("Input.Organisation", [("Input.Organisation", new string('x', 304))]),
            ("Input.NewStructureType", [("Input.NewStructureName", "New place"), ("Input.NewStructureType", "ministry-of-magic"), ("Input.NewStructureCountry", "FR")]),
            ("Input.NewStructureCountry", [("Input.NewStructureName", "New place"), ("Input.NewStructureType", "association"), ("Input.NewStructureCountry", "XX")]),
            ("Input.NewStructureCountry", [("Input.NewStructureName", "New place"), ("Input.NewStructureType", "association"), ("Input.NewStructureCountry", "")]),
            ("Input.NewStructureName", [("Input.NewStructureName", new string('n', 201)), ("Input.NewStructureType", "association"), ("Input.NewStructureCountry", "FR")]),
            ("Input.NewStructureName", [("Input.NewStructureName", "— ! —"), ("Input.NewStructureType", "association"), ("Input.NewStructureCountry", "FR")]),
            ("Input.NewStructureMunicipality", [("Input.NewStructureName", "New place"), ("Input.NewStructureType", "association"), ("Input.NewStructureMunicipality", new string('m', 101)), ("Input.NewStructureCountry", "FR")]),
            ("Input.NewStructureName", [("Input.NewStructureName", "New\tplace"), ("Input.NewStructureType", "association"), ("Input.NewStructureCountry", "FR")]),
        ];
        foreach (var (field, values) in cases)
        {
            var refused = await client.SubmitAndFollowAsync(account, "main form", values);
            Assert.False(string.IsNullOrWhiteSpace(refused.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent), $"no message by {field} for {string.Join(", ", values)}");
            Assert.Null(refused.QuerySelector(".alert--success"));
            Assert.Equal(listed, (await PeopleAsync(app))["ana@example.org"].StructureId);
        }

        var after = (await PeopleAsync(app))["ana@example.org"];
        Assert.Equal((before["ana@example.org"].Organisation, before["ana@example.org"].ProfileChangedUtc), (after.Organisation, after.ProfileChangedUtc));
        Assert.Equal(1, await CountAsync(app, d => d.Structures));
        Assert.Equal(person.Id, after.Id);
    }

    [Fact]
    public async Task Free_text_typed_before_the_directory_is_kept_while_the_person_leaves_it_unchanged()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        await app.CreateUserAsync("ana@example.org");
        await SetOrganisationAsync(app, "ana@example.org", "Atelier du Coin");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("ana@example.org");

        var account = await client.GetPageAsync("/en/account");
        var saved = await client.SubmitAndFollowAsync(account, "main form", ("Input.Profession", "Job coach"));
        Assert.NotNull(saved.QuerySelector(".alert--success"));
        var ana = (await PeopleAsync(app))["ana@example.org"];
        Assert.Equal(("Atelier du Coin", (int?)null, "Job coach"), (ana.Organisation, ana.StructureId, ana.Profession));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Merging_moves_the_people_to_the_structure_kept_deletes_the_other_and_leaves_no_orphan(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var kept = await AddStructureAsync(app, "Mission Locale de Lyon", "Lyon");
        var duplicate = await AddStructureAsync(app, "ML Lyon", "Lyon", StructureStatus.Proposed);
        var other = await AddStructureAsync(app, "Pôle emploi Nantes", "Nantes");
        foreach (var (email, structure) in new[] { ("a@example.org", kept), ("b@example.org", kept), ("c@example.org", duplicate), ("d@example.org", other) })
        {
            await app.CreateUserAsync(email);
            await LinkAsync(app, email, structure);
        }

        var stamp = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
        await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.ProfileChangedUtc, stamp)));
        var admin = await AdministrationTests.LogInAsAdministrator(app);

        var page = await admin.GetPageAsync($"/en/admin/structures/{duplicate}");
        var merged = await admin.SubmitAndFollowAsync(page, "form[action*='handler=Merge']", ("otherId", kept.ToString()), ("keep", "other"));
        Assert.Contains("\"ML Lyon\" is merged into \"Mission Locale de Lyon\": 1 person(s) moved", merged.Text(".alert--success"));
        Assert.Equal($"https://localhost/en/admin/structures/{kept}", merged.Url);

        var people = await PeopleAsync(app);
        Assert.Equal(new int?[] { kept, kept, kept, other }, Learners(people).Select(p => p.StructureId));
        Assert.Equal("Mission Locale de Lyon", people["c@example.org"].Organisation);
        Assert.True(people["c@example.org"].ProfileChangedUtc > stamp.AddHours(1));
        Assert.Equal(stamp, people["a@example.org"].ProfileChangedUtc); // not moved, not changed
        var structures = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Structures.OrderBy(s => s.Id).Select(s => new { s.Id, s.Status }).ToListAsync());
        Assert.Equal([kept, other], structures.Select(s => s.Id));
        Assert.Equal(0, await CountAsync(app, d =>
        {
            var directory = d.Structures;
            return d.Users.Where(u => u.StructureId != null && !directory.Any(s => s.Id == u.StructureId));
        }));

        // The structure merged away is gone for every form that names it.
        using (var gone = await admin.PostAsync($"/en/admin/structures/{duplicate}?handler=Approve", new FormUrlEncodedContent([])))
        {
            Assert.NotEqual(HttpStatusCode.OK, gone.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/en/admin/structures/{duplicate}")).StatusCode);
        var keptPage = await admin.GetPageAsync($"/en/admin/structures/{kept}");
        var refused = await admin.SubmitAndFollowAsync(keptPage, "form[action*='handler=Merge']", ("otherId", duplicate.ToString()), ("keep", "this"));
        Assert.Contains("Choose the structure to merge with", refused.Text("[data-valmsg-for='otherId']"));
        Assert.Equal(3, await CountAsync(app, d => d.Users.Where(u => u.StructureId == kept)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Matching_links_the_free_text_that_names_a_structure_and_the_rest_becomes_structures_in_one_click(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var lyon = await AddStructureAsync(app, "Mission Locale de Lyon", "Lyon");
        var nantes = await AddStructureAsync(app, "Pôle emploi Nantes", "Nantes");
        var typed = new (string Email, string? Text)[]
        {
            ("a@example.org", "mission locale de lyon"), ("b@example.org", "Mission Locale de Lyon "), ("c@example.org", "POLE EMPLOI - NANTES"),
            ("d@example.org", "Association Relais"), ("e@example.org", "association relais."), ("f@example.org", "Atelier X"), ("g@example.org", null),
        };
        foreach (var (email, text) in typed)
        {
            await app.CreateUserAsync(email);
            await SetOrganisationAsync(app, email, text);
        }

        // Already linked: left as it is, whatever its text.
        await app.CreateUserAsync("h@example.org");
        await LinkAsync(app, "h@example.org", nantes);
        await SetOrganisationAsync(app, "h@example.org", "Mission locale de Lyon");
        var admin = await AdministrationTests.LogInAsAdministrator(app);

        var page = await admin.GetPageAsync("/en/admin/structures");
        Assert.Contains("6 person(s) have no structure but typed an organisation (4 different one(s)", page.QuerySelectorAll("p").Single(p => p.TextContent.Contains("have no structure")).TextContent);
        var matched = await admin.SubmitAndFollowAsync(page, "form[action*='handler=Match']");
        // By hand: a, b → Lyon and c → Nantes (3 people, 2 structures); d and e typed one organisation, f another: 2 by 3 people.
        Assert.Equal("3 person(s) linked to 2 structure(s). 2 organisation(s) typed by 3 person(s) match no structure.", matched.Text(".alert--success"));
        var people = await PeopleAsync(app);
        Assert.Equal(new int?[] { lyon, lyon, nantes, null, null, null, null, nantes }, Learners(people).Select(p => p.StructureId));
        Assert.Equal(["Mission Locale de Lyon", "Mission Locale de Lyon", "Pôle emploi Nantes"], new[] { "a", "b", "c" }.Select(x => people[$"{x}@example.org"].Organisation));
        Assert.Equal("Mission locale de Lyon", people["h@example.org"].Organisation);

        var rows = matched.QuerySelectorAll("form[action*='handler=Create']").Select(f => f.Closest("tr")!).ToList();
        Assert.Equal(["Association Relais|2", "Atelier X|1"], rows.Select(r => string.Join("|", r.QuerySelectorAll("td").Take(2).Select(c => c.TextContent.Trim()))));
        var created = await admin.SubmitAndFollowAsync(matched, "form[action*='handler=Create']", ("type", "association"), ("country", "FR"));
        Assert.Equal("The structure \"Association Relais\" is created and 2 person(s) linked to it.", created.Text(".alert--success"));
        var relais = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Structures.SingleAsync(s => s.Name == "Association Relais"));
        Assert.Equal((StructureStatus.Listed, "association", "FR", (string?)null), (relais.Status, relais.Type, relais.Country, relais.ProposedBy));
        people = await PeopleAsync(app);
        Assert.Equal((relais.Id, relais.Id), (people["d@example.org"].StructureId, people["e@example.org"].StructureId));
        Assert.Equal("Association Relais", people["e@example.org"].Organisation);
        Assert.Single(created.QuerySelectorAll("form[action*='handler=Create']"));

        // A tampered kind is refused with a message; nothing is created.
        var refused = await admin.SubmitAndFollowAsync(created, "form[action*='handler=Create']", ("type", "castle"), ("country", "FR"));
        Assert.Contains("Choose the kind of structure and its country", refused.Text(".validation-summary-errors"));
        Assert.Equal(3, await CountAsync(app, d => d.Structures));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_administrator_searches_filters_pages_and_edits_the_directory(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        for (var i = 1; i <= 30; i++)
        {
            await AddStructureAsync(app, $"Association n°{i:00}", "Roma", country: i % 3 == 0 ? "IT" : "FR", type: "association");
        }

        var lyon = await AddStructureAsync(app, "Mission Locale de Lyon", "Lyon");
        await AddStructureAsync(app, "Mission Locale de Paris", "Paris");
        await app.CreateUserAsync("a@example.org");
        await LinkAsync(app, "a@example.org", lyon);
        var admin = await AdministrationTests.LogInAsAdministrator(app);

        var all = await admin.GetPageAsync("/en/admin/structures");
        Assert.Equal("32 structure(s)", all.Text("p[role=status]"));
        Assert.Equal(25, all.QuerySelectorAll("table:first-of-type tbody tr").Length);
        var italian = await admin.GetPageAsync("/en/admin/structures?type=association&country=IT");
        Assert.Equal("10 structure(s)", italian.Text("p[role=status]"));
        var search = await admin.GetPageAsync("/en/admin/structures?q=locale-de%20LYON");
        var row = Assert.Single(search.QuerySelectorAll("table tbody tr"));
        Assert.Equal(["Mission Locale de Lyon", "Youth guidance and employment service", "Lyon", "France", "Listed", "1"], row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        var paged = await admin.GetPageAsync("/en/admin/structures?type=association&p=2");
        Assert.Equal(5, paged.QuerySelectorAll("table tbody tr").Length);
        Assert.Contains("type=association", paged.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));

        var detail = await admin.GetPageAsync($"/en/admin/structures/{lyon}");
        var duplicateName = await admin.SubmitAndFollowAsync(detail, "form[action*='handler=Save']", ("Input.Name", "MISSION LOCALE DE PARIS"));
        Assert.Contains("merge the two instead", duplicateName.Text("[data-valmsg-for='Input.Name']"));
        var saved = await admin.SubmitAndFollowAsync(detail, "form[action*='handler=Save']",
            ("Input.Name", "Mission Locale de Lyon Métropole"), ("Input.Type", "youth-mission"), ("Input.Municipality", "Villeurbanne"), ("Input.Country", "FR"));
        Assert.Equal("The structure is saved.", saved.Text(".alert--success"));
        var person = (await PeopleAsync(app))["a@example.org"];
        Assert.Equal(("Mission Locale de Lyon Métropole", lyon), (person.Organisation, person.StructureId));
        var stored = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Structures.SingleAsync(s => s.Id == lyon));
        Assert.Equal(("missionlocaledelyonmetropole", "youth-mission", "Villeurbanne"), (stored.NormalizedName, stored.Type, stored.Municipality));
    }

    [Fact]
    public async Task Another_tenants_structure_is_out_of_reach_of_this_tenants_administrators()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var tenant = new Tenant { Name = "north", DisplayName = "North", UrlPrefix = "north", DatabaseProvider = DatabaseProvider.Sqlite, CreatedUtc = DateTime.UtcNow };
        await app.Services.GetRequiredService<TenantSetup>().SetUpAsync(tenant, "chief@north.example");
        await AddStructureAsync(app, "Northern structure one", null, tenantName: "north");
        await AddStructureAsync(app, "Northern structure two", null, tenantName: "north");
        var north = await AddStructureAsync(app, "Northern structure three", null, tenantName: "north");
        var here = await AddStructureAsync(app, "Structure here", null);
        await AddStructureAsync(app, "Another structure here", null);
        Assert.NotEqual(here, north);
        var admin = await AdministrationTests.LogInAsAdministrator(app);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/en/admin/structures/{north}")).StatusCode);
        var page = await admin.GetPageAsync($"/en/admin/structures/{here}");
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        foreach (var handler in new[] { "Save", "Approve", "Merge" })
        {
            using var refused = await admin.PostAsync($"/en/admin/structures/{north}?handler={handler}", new FormUrlEncodedContent(
            [
                new("__RequestVerificationToken", token), new("Input.Name", "Taken over"), new("Input.Type", "other"), new("Input.Country", "FR"),
                new("otherId", here.ToString()), new("keep", "other"),
            ]));
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        var merge = await admin.SubmitAndFollowAsync(page, "form[action*='handler=Merge']", ("otherId", north.ToString()), ("keep", "other"));
        Assert.Contains("Choose the structure to merge with", merge.Text("[data-valmsg-for='otherId']"));
        Assert.Equal(["Northern structure one", "Northern structure two", "Northern structure three"],
            await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Structures.OrderBy(s => s.Id).Select(s => s.Name).ToListAsync(), "north"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_contracts_give_reporting_the_directory_and_the_profiles_changed_since_a_time(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var listed = await AddStructureAsync(app, "Mission Locale de Lyon", "Lyon");
        var proposed = await AddStructureAsync(app, "Associació Èxit", null, StructureStatus.Proposed, country: "ES", type: "association");
        var people = new List<string>();
        foreach (var email in new[] { "a@example.org", "b@example.org", "c@example.org" })
        {
            people.Add((await app.CreateUserAsync(email)).Id);
        }

        await LinkAsync(app, "b@example.org", proposed);
        var t0 = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
        await app.WithTenantAsync(async sp =>
        {
            var data = sp.GetRequiredService<LearningDbContext>();
            await data.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.ProfileChangedUtc, t0.AddDays(-10)));
            await data.Users.Where(u => u.Email == "b@example.org").ExecuteUpdateAsync(s => s.SetProperty(u => u.ProfileChangedUtc, t0).SetProperty(u => u.Country, "Spain").SetProperty(u => u.Profession, "Educator"));
            return await data.Users.Where(u => u.Email == "c@example.org").ExecuteUpdateAsync(s => s.SetProperty(u => u.ProfileChangedUtc, t0.AddSeconds(1)));
        });

        var (structures, changed, later, profiles, typeName) = await app.WithTenantAsync(async sp =>
        {
            var directory = sp.GetRequiredService<StructureDirectory>();
            var users = sp.GetRequiredService<UserDirectory>();
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = new CultureInfo("fr");
            var name = directory.TypeName("youth-mission");
            CultureInfo.CurrentUICulture = previous;

            // More ids than one query takes, unknown ones among them.
            var asked = people.Concat(Enumerable.Range(0, 1500).Select(i => $"unknown-{i}")).ToList();
            return (await directory.ListAsync(default), await users.ProfilesChangedSinceAsync(t0, default), await users.ProfilesChangedSinceAsync(t0.AddSeconds(2), default),
                await users.ProfilesAsync(asked, default), name);
        });

        Assert.Equal(
            [new StructureSummary(proposed, "Associació Èxit", "association", null, "ES", true), new StructureSummary(listed, "Mission Locale de Lyon", "youth-mission", "Lyon", "FR", false)],
            structures);
        Assert.Equal("Mission locale", typeName);
        Assert.Equal(new[] { people[1], people[2] }.Order(StringComparer.Ordinal), changed.Order(StringComparer.Ordinal)); // the bound is inclusive: b changed at t0 exactly
        Assert.Empty(later);
        Assert.Equal(3, profiles.Count);
        var b = profiles.Single(p => p.Id == people[1]);
        Assert.Equal((t0, proposed, "Spain", "Educator", "en"), (b.ProfileChangedUtc, b.StructureId, b.Country, b.Profession, b.PreferredCulture));
        Assert.Null(profiles.Single(p => p.Id == people[0]).StructureId);
        Assert.Equal(proposed, (await app.WithTenantAsync(sp => sp.GetRequiredService<UserDirectory>().FindAsync(people[1], default)))!.StructureId);
    }

    [Fact]
    public async Task Countries_are_named_in_the_readers_language_and_types_in_all_six()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var names = new Dictionary<string, string>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in new[] { "fr", "hu", "ca" })
            {
                CultureInfo.CurrentUICulture = new CultureInfo(culture);
                names[culture] = StructureDirectory.CountryName("HU") + "|" + StructureDirectory.CountryName("ES");
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        Assert.Equal("Hongrie|Espagne", names["fr"]);
        Assert.Equal("Magyarország|Spanyolország", names["hu"]);
        Assert.Equal("Hongria|Espanya", names["ca"]);
        Assert.Equal(10, StructureTypes.All.Count);
        Assert.Contains("FR", StructureCountries.All);
        Assert.DoesNotContain("XX", StructureCountries.All);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_structure_is_in_the_data_export_and_a_deleted_account_takes_only_its_unused_proposal_away(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var listed = await AddStructureAsync(app, "Mission Locale de Lyon", "Lyon");
        var leaver = await app.CreateUserAsync("leaver@example.org");
        await app.CreateUserAsync("colleague@example.org");
        var unused = await AddStructureAsync(app, "Unused proposal", null, StructureStatus.Proposed, proposedBy: leaver.Id);
        var shared = await AddStructureAsync(app, "Shared proposal", "Sète", StructureStatus.Proposed, proposedBy: leaver.Id);
        await LinkAsync(app, "leaver@example.org", unused);
        await LinkAsync(app, "colleague@example.org", shared);
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("leaver@example.org");

        {
            using var json = (await PersonalDataZip.DownloadAsync(client)).Json();
            var account = json.RootElement.GetProperty("account");
            Assert.Equal("Unused proposal", account.GetProperty("structure").GetProperty("name").GetString());
            Assert.Equal(unused, account.GetProperty("profile").GetProperty("StructureId").GetInt32());
            Assert.Equal(["Unused proposal", "Shared proposal"], account.GetProperty("proposedStructures").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        }

        var page = await client.GetPageAsync("/en/account/personal-data");
        using (var deleted = await client.SubmitAsync(page, "main form", ("Password", LearningApp.Password)))
        {
            Assert.Equal("/en/account/deleted", deleted.Headers.Location?.OriginalString);
        }

        var left = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Structures.OrderBy(s => s.Id).Select(s => new { s.Id, s.ProposedBy }).ToListAsync());
        Assert.Equal([listed, shared], left.Select(s => s.Id));
        Assert.All(left, s => Assert.Null(s.ProposedBy));
    }

    /// <summary>The people the test made, by e-mail (not the tenant's own administrator, nor the one signed in).</summary>
    private static IEnumerable<LearningUser> Learners(Dictionary<string, LearningUser> people) =>
        people.Values.Where(p => p.Email!.EndsWith("@example.org", StringComparison.Ordinal) && !p.Email.StartsWith("admin-", StringComparison.Ordinal)).OrderBy(p => p.Email, StringComparer.Ordinal);

    private static (string, string)[] Newcomer(string email, params (string, string)[] structure) =>
    [
        ("Input.Email", email), ("Input.Password", LearningApp.Password), ("Input.DisplayName", email.Split('@')[0]),
        ("Input.PreferredCulture", "en"), ("Input.AcceptPrivacyNotice", "true"), .. structure,
    ];

    private static Task<int> AddStructureAsync(LearningApp app, string name, string? municipality, StructureStatus status = StructureStatus.Listed,
        string country = "FR", string type = "youth-mission", string? proposedBy = null, string? tenantName = null) => app.WithTenantAsync(async sp =>
    {
        var structure = sp.GetRequiredService<Structures>().New(name, type, municipality, country, status, proposedBy);
        var db = sp.GetRequiredService<LearningDbContext>();
        db.Structures.Add(structure);
        await db.SaveChangesAsync();
        return structure.Id;
    }, tenantName);

    private static Task LinkAsync(LearningApp app, string email, int structure) => app.WithTenantAsync(async sp =>
    {
        var db = sp.GetRequiredService<LearningDbContext>();
        var name = await db.Structures.Where(s => s.Id == structure).Select(s => s.Name).SingleAsync();
        return await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.StructureId, structure).SetProperty(u => u.Organisation, name));
    });

    private static Task SetOrganisationAsync(LearningApp app, string email, string? text) => app.WithTenantAsync(sp =>
        sp.GetRequiredService<LearningDbContext>().Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.Organisation, text)));

    private static Task ConfirmAsync(LearningApp app, string email) => app.WithTenantAsync(sp =>
        sp.GetRequiredService<LearningDbContext>().Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true)));

    private static Task<Dictionary<string, LearningUser>> PeopleAsync(LearningApp app) => app.WithTenantAsync(async sp =>
        await sp.GetRequiredService<LearningDbContext>().Users.AsNoTracking().ToDictionaryAsync(u => u.Email!));

    private static Task<int> CountAsync<T>(LearningApp app, Func<LearningDbContext, IQueryable<T>> rows) =>
        app.WithTenantAsync(sp => rows(sp.GetRequiredService<LearningDbContext>()).CountAsync());
}
