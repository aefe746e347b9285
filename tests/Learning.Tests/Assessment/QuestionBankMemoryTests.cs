using Learning.Modules.Assessment;
using Learning.Modules.Assessment.Questions;
using Learning.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Assessment;

/// <summary>Banks kept in memory (QuestionBanks): a changed import is what the next question shows, and grading
/// with every culture's accepted short answers.</summary>
public sealed class QuestionBankMemoryTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_bank_imported_again_is_read_anew_though_it_was_kept_in_memory(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var folder = Path.Combine(app.DataPath, "banks");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "quiz.fr.gift"), "$CATEGORY: memory/quiz\n\n::q1:: Première version ? {T}\n");
        Assert.Empty(await app.WithTenantAsync(sp => sp.GetRequiredService<QuestionBanks>().ImportFolderAsync(folder, CancellationToken.None)));
        var first = await app.WithTenantAsync(sp => sp.GetRequiredService<QuestionBanks>().LoadAsync("memory/quiz", "fr", CancellationToken.None));
        Assert.Equal("Première version ?", first["q1"].Text);

        await File.WriteAllTextAsync(Path.Combine(folder, "quiz.fr.gift"), "$CATEGORY: memory/quiz\n\n::q1:: Seconde version ? {F}\n");
        Assert.Empty(await app.WithTenantAsync(sp => sp.GetRequiredService<QuestionBanks>().ImportFolderAsync(folder, CancellationToken.None)));

        var second = await app.WithTenantAsync(sp => sp.GetRequiredService<QuestionBanks>().LoadAsync("memory/quiz", "fr", CancellationToken.None));
        Assert.Equal("Seconde version ?", second["q1"].Text);
        var graded = await app.WithTenantAsync(sp => sp.GetRequiredService<QuestionBanks>().LoadForGradingAsync("memory/quiz", CancellationToken.None));
        Assert.Equal(1m, Scoring.Score(graded["q1"], ChoiceResponse.Of(1))); // False is now right
    }

    [Fact]
    public async Task A_catch_all_wrong_answer_in_one_culture_does_not_hide_what_another_culture_accepts()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var folder = Path.Combine(app.DataPath, "banks");
        Directory.CreateDirectory(folder);
        // Moodle's GIFT: "=%0%*" gives its feedback to any other answer, worth nothing.
        await File.WriteAllTextAsync(Path.Combine(folder, "quiz.fr.gift"), "$CATEGORY: memory/quiz\n\n::q1:: Le service ? {=Actiris =%0%*#Non.}\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "quiz.en.gift"), "$CATEGORY: memory/quiz\n\n::q1:: The service? {=Actiris =the Brussels employment service =%0%*#No.}\n");
        Assert.Empty(await app.WithTenantAsync(sp => sp.GetRequiredService<QuestionBanks>().ImportFolderAsync(folder, CancellationToken.None)));

        var graded = await app.WithTenantAsync(sp => sp.GetRequiredService<QuestionBanks>().LoadForGradingAsync("memory/quiz", CancellationToken.None));

        Assert.Equal(1m, Scoring.Score(graded["q1"], new TextResponse("The Brussels employment service")));
        Assert.Equal(1m, Scoring.Score(graded["q1"], new TextResponse("actiris")));
        Assert.Equal(0m, Scoring.Score(graded["q1"], new TextResponse("Le Forem")));
    }
}
