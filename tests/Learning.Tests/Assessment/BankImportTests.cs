using System.Text;
using Learning.Modules.Assessment;
using Learning.Modules.Assessment.Formats;
using Learning.Modules.Assessment.Questions;
using Learning.Modules.Content;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Learning.Tests.Assessment;

/// <summary>Importing a bank: the plan changes nothing, the import stores the questions and their images in the
/// media library once, and the marks count in the grade.</summary>
public sealed class BankImportTests
{
    private const string Bank = "imported/moodle";

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Images_of_a_moodle_bank_go_to_the_media_library_once_and_are_linked_with_their_alt_text(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var file = MoodleFixtureTests.Xml("image-pluginfile.xml");

        var (plan, mediaBefore, questionsBefore) = await app.WithTenantAsync(async sp =>
        {
            var data = sp.GetRequiredService<LearningDbContext>();
            var plan = await sp.GetRequiredService<BankImport>().PlanAsync(Bank, "fr", file, default);
            return (plan, await data.MediaFiles.CountAsync(), await data.BankQuestions.CountAsync(q => q.Bank == Bank));
        });
        Assert.Equal(ImportAction.Create, Assert.Single(plan.Questions).Action);
        Assert.Equal((0, 0), (mediaBefore, questionsBefore)); // planning changed nothing

        var (question, media) = await app.WithTenantAsync(async sp =>
        {
            await sp.GetRequiredService<BankImport>().ApplyAsync(plan, "editor", default);
            var data = sp.GetRequiredService<LearningDbContext>();
            return ((await sp.GetRequiredService<QuestionBanks>().LoadAsync(Bank, "fr", default)).Values.Single(), await data.MediaFiles.SingleAsync());
        });
        Assert.Equal(("charte-couleurs.png", "image/png"), (media.FileName, media.ContentType));
        Assert.DoesNotContain("@@PLUGINFILE@@", question.Text);
        Assert.Contains($"src=\"/media/{media.StorageName}\"", question.Text);
        Assert.Matches("alt=\"[^\"]+\"", QuestionText.ToHtml(question.Text, question.Format));
        using var served = await app.CreateClient().GetAsync($"/media/{media.StorageName}");
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await served.Content.ReadAsByteArrayAsync())[..4]);

        // Exported for Moodle: the image goes with the question again, as @@PLUGINFILE@@ and its file.
        var exported = await app.WithTenantAsync(async sp => MoodleXml.Write(await sp.GetRequiredService<BankImport>().WithImagesAsync(
            (await sp.GetRequiredService<QuestionBanks>().ExportAsync(Bank, "fr", default)), default)));
        var back = Assert.Single(MoodleXml.Read(exported).Found);
        Assert.Contains("src=\"@@PLUGINFILE@@/charte-couleurs.png\"", back.Question.Text);
        Assert.Equal(file.Found[0].Files[0].Content, Assert.Single(back.Files).Content);

        // The same file again: nothing to change, no second copy of the image.
        var again = await app.WithTenantAsync(async sp =>
        {
            var plan = await sp.GetRequiredService<BankImport>().ImportAsync(Bank, "fr", file, "editor", default);
            return (plan.Questions.Single().Action, await sp.GetRequiredService<LearningDbContext>().MediaFiles.CountAsync());
        });
        Assert.Equal((ImportAction.Unchanged, 1), again);
    }

    [Fact]
    public async Task A_question_whose_image_the_library_refuses_is_refused_and_the_others_imported()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var gif = Convert.ToBase64String(Encoding.ASCII.GetBytes("GIF89a\u0001\u0000\u0001\u0000"));
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz>
              <question type="truefalse"><name><text>sans image</text></name><questiontext format="html"><text>Vrai ?</text></questiontext>
                <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>
              <question type="truefalse"><name><text>avec un gif</text></name>
                <questiontext format="html"><text><![CDATA[<p>Vrai ? <img src="@@PLUGINFILE@@/logo.gif" alt="Logo"></p>]]></text>
                  <file name="logo.gif" path="/" encoding="base64">{gif}</file></questiontext>
                <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>
            </quiz>
            """;

        var (plan, media) = await app.WithTenantAsync(async sp =>
        {
            var plan = await sp.GetRequiredService<BankImport>().ImportAsync(Bank, "fr", MoodleXml.Read(xml), "editor", default);
            return (plan, await sp.GetRequiredService<LearningDbContext>().MediaFiles.CountAsync());
        });

        Assert.Equal("sans image", Assert.Single(plan.Questions).Found.Question.Name);
        var refused = Assert.Single(plan.Refused);
        Assert.Equal(("avec un gif", 5), (refused.Name, refused.Line));
        Assert.Contains("'.gif' are not accepted", refused.Reason);
        Assert.Equal(0, media);
    }

    [Fact]
    public async Task A_test_is_graded_on_marks_and_never_draws_a_description()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        Question Choice(string name, decimal mark) => new()
        {
            Name = name, Text = $"{name}?", Type = QuestionType.SingleChoice, Mark = mark,
            Choices = [new Choice("right", 1), new Choice("wrong", 0)],
        };
        var user = await app.CreateUserAsync("learner@example.org");

        var (worthThree, worthOne) = await app.WithTenantAsync(async sp =>
        {
            await sp.GetRequiredService<BankImport>().ImportAsync(Bank, "fr", QuestionFile.Of(
                [Choice("three", 3), Choice("one", 1), new Question { Name = "read me", Text = "Consignes", Type = QuestionType.Description, Mark = 0 }]), "editor", default);
            var examiner = sp.GetRequiredService<Examiner>();
            async Task<Attempt> Take(string rightOne)
            {
                var attempt = (await examiner.StartAsync(user.Id, Bank, default))!;
                var names = Examiner.QuestionNames(attempt);
                Assert.Equal(["one", "three"], names.Order());
                for (var position = 0; position < names.Count; position++)
                {
                    await examiner.SaveAnswerAsync(attempt, position, ChoiceResponse.Of(names[position] == rightOne ? 0 : 1), default);
                }

                var graded = await examiner.SubmitAsync(attempt.Id, default);
                // The next attempt may start at once (the waiting time is the test's setting, not this test's subject).
                await sp.GetRequiredService<LearningDbContext>().Attempts.Where(a => a.Id == attempt.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmittedUtc, DateTime.UtcNow.AddDays(-2)));
                return graded;
            }

            return (await Take("three"), await Take("one"));
        });

        Assert.Equal((3m, 4m, true), (worthThree.Score, worthThree.MaxScore, worthThree.Passed)); // 75% ≥ 70%
        Assert.Equal((1m, 4m, false), (worthOne.Score, worthOne.MaxScore, worthOne.Passed));     // 25%
    }
}
