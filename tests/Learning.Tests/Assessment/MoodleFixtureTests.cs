using Learning.Modules.Assessment.Formats;
using Learning.Modules.Assessment.Questions;
using Learning.Tests.Infrastructure;
using Xunit;

namespace Learning.Tests.Assessment;

/// <summary>
/// Files written from Moodle's documentation and reader (Assessment/Moodle/README.md says, file by file, what
/// Moodle makes of them): each construct is read as Moodle reads it and scored as Moodle scores it, except
/// where the platform means to differ (typographic apostrophes, accents; essays and cloze refused).
/// </summary>
public sealed class MoodleFixtureTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "tests", "Learning.Tests", "Assessment", "Moodle");

    internal static QuestionFile Gift(string name) => GiftReader.Read(File.ReadAllText(Path.Combine(Folder, "gift", name)));

    internal static QuestionFile Xml(string name) => MoodleXml.Read(File.ReadAllText(Path.Combine(Folder, "xml", name)));

    private static Question Named(QuestionFile file, string name) => file.Questions.Single(q => q.Name == name);

    private static decimal Text(Question q, string response) => Scoring.Score(q, new TextResponse(response));

    private static decimal Number(Question q, decimal value) => Scoring.Score(q, new NumberResponse(value));

    [Fact]
    public void Categories_names_and_comments_carry_the_bank_id_number_and_tags()
    {
        var categories = Gift("category.gift").Questions;
        Assert.Equal(["Insertion professionnelle", "Insertion professionnelle/Rencontres employeurs", "Ateliers collectifs"], categories.Select(q => q.Category).Distinct());

        var names = Gift("question-names.gift").Questions.Select(q => q.Name).ToList();
        Assert.Contains("Étape 1: diagnostic partagé", names);
        Assert.Contains("Atelier : mobilité", names);

        var comments = Gift("comments-id-tags.gift");
        Assert.Equal("INS-ENT-001", comments.Questions[0].IdNumber);
        Assert.Equal(["entretien", "premier-accueil"], comments.Questions[0].Tags);
        Assert.Equal("INS-CHA-002", comments.Questions[1].IdNumber);
        Assert.Equal(["La personne et son conseiller", "Le conseiller seul"], comments.Questions[1].Choices.Select(c => c.Text));
        Assert.Null(comments.Questions[2].IdNumber); // its comment stands alone, a blank line before it
        Assert.Equal("Le bilan de fin d'accompagnement est transmis au prescripteur._____ // ceci n'est pas un commentaire", comments.Questions[3].Text);
    }

    [Fact]
    public void Every_escape_is_undone_where_moodle_undoes_it()
    {
        var escapes = Gift("escapes.gift").Questions;
        Assert.Equal("La colonne {statut} du tableau de bord affiche « suivi = 1 » : que signifie ce code ?", escapes[0].Text);
        Assert.Equal(new Choice("La personne est accompagnée ~ suivi actif", 1, "Oui : 1 = actif, 0 = sorti."), escapes[0].Choices[0]);
        Assert.Equal("Non, le code #1 ne signifie pas la sortie.", escapes[0].Choices[1].Feedback);
        Assert.Equal("Le dossier partagé de l'équipe est C:\\Partage\\Insertion.\nDans quel lecteur est-il rangé ?", escapes[1].Text);
        Assert.Contains("la séquence \\n (barre", escapes[2].Text);
        Assert.Equal(new Choice("#", 1, "Oui, le croisillon # précède le numéro."), Assert.Single(escapes[3].Choices));
        Assert.Equal("10 &#8364;", escapes[4].Choices[0].Text);
        Assert.Contains("10 €", QuestionText.ToPlain(escapes[4].Choices[0].Text, escapes[4].Format));
    }

    [Fact]
    public void Formats_are_kept_for_every_text_of_the_question()
    {
        var html = Gift("format-html.gift").Questions;
        Assert.All(html, q => Assert.Equal(TextFormat.Html, q.Format));
        Assert.Contains("<strong>", html[0].Text);
        Assert.Equal(TextFormat.Markdown, Assert.Single(Gift("format-markdown.gift").Questions).Format);
        Assert.All(Gift("format-moodle.gift").Questions, q => Assert.Equal(TextFormat.Moodle, q.Format));
        Assert.All(Gift("format-plain.gift").Questions, q => Assert.Equal(TextFormat.Plain, q.Format));

        var xml = Xml("multichoice-text-formats.xml").Questions;
        Assert.Equal([TextFormat.Moodle, TextFormat.Plain, TextFormat.Markdown], xml.Select(q => q.Format));
    }

    [Fact]
    public void A_description_is_kept_ungraded_and_an_essay_is_refused_by_name_and_line()
    {
        var descriptions = Gift("description.gift").Questions;
        Assert.All(descriptions, q => Assert.Equal(QuestionType.Description, q.Type));
        Assert.StartsWith("Cas pratique : Mme D., 52 ans", descriptions[1].Name);
        Assert.False(descriptions[0].IsGraded);
        Assert.Equal(QuestionType.Description, Assert.Single(Xml("description.xml").Questions).Type);

        var essays = Gift("essay.gift");
        Assert.Empty(essays.Questions);
        Assert.Equal(["Projet professionnel — rédaction", "Rencontre employeur — compte rendu"], essays.Refused.Select(r => r.Name));
        Assert.Equal([2, 4], essays.Refused.Select(r => r.Line));
        Assert.All(essays.Refused, r => Assert.Contains("essay", r.Reason));
    }

    [Fact]
    public void A_missing_word_shows_a_blank_where_the_answers_were()
    {
        var questions = Gift("missing-word.gift").Questions;
        Assert.Equal("Le contrat d'engagement jeune s'adresse aux jeunes de moins de _____ ans, ou de 30 ans en situation de handicap.", questions[0].Text);
        Assert.Equal(1m, Scoring.Score(questions[0], ChoiceResponse.Of(1)));
        Assert.Equal(1m, Text(questions[1], "Immersion"));
        Assert.Equal(0m, Text(questions[1], "stage"));
        Assert.EndsWith("doit avoir lieu _____.", questions[2].Text);
    }

    [Fact]
    public void True_false_feedback_goes_to_the_wrong_then_the_right_answer_and_lower_case_true_is_a_short_answer()
    {
        var questions = Gift("truefalse.gift").Questions;
        Assert.All(questions, q => Assert.Equal(QuestionType.TrueFalse, q.Type));
        Assert.StartsWith("Exact", questions[0].Choices[0].Feedback);  // T: answering True is right
        Assert.StartsWith("Si", questions[0].Choices[1].Feedback);
        Assert.StartsWith("Exact", questions[1].Choices[1].Feedback);  // F: answering False is right
        Assert.Equal([0m, 1m], questions[3].Choices.Select(c => c.Fraction));
        Assert.Equal("La photo est facultative.", questions[3].GeneralFeedback);

        var lower = Assert.Single(Gift("truefalse-lowercase-is-shortanswer.gift").Questions);
        Assert.Equal(QuestionType.ShortAnswer, lower.Type);
        Assert.Equal(1m, Text(lower, "TRUE"));
        Assert.Equal(0m, Text(lower, "vrai"));

        var xml = Xml("truefalse.xml").Questions;
        Assert.Equal([1m, 0m], xml[0].Choices.Select(c => c.Fraction));
        Assert.Equal([0m, 1m], xml[1].Choices.Select(c => c.Fraction));
    }

    [Fact]
    public void Multiple_choice_weights_score_as_in_moodle()
    {
        var partial = Gift("multichoice-partial-credit.gift").Questions;
        Assert.Equal([1m, 0.5m, 0m], partial[0].Choices.Select(c => c.Fraction));
        Assert.Equal(0.5m, Scoring.Score(partial[0], ChoiceResponse.Of(1)));
        Assert.Equal(-0.5m, partial[1].Choices[2].Fraction);
        Assert.Equal(0m, Scoring.Score(partial[1], ChoiceResponse.Of(2))); // a negative mark is not carried to the test

        // "=%50%…" is right, its text keeps "%50%": Moodle reads no weight after '='.
        var trap = Assert.Single(Gift("multichoice-equals-with-weight.gift").Questions);
        Assert.Equal(QuestionType.SingleChoice, trap.Type);
        Assert.Equal(new Choice("%50%Le compte rendu d'entretien", 1), trap.Choices[0] with { Feedback = null });

        var multiple = Gift("multichoice-multiple-answers.gift").Questions;
        Assert.All(multiple, q => Assert.Equal(QuestionType.MultipleResponse, q.Type));
        Assert.Equal(1m, Scoring.Score(multiple[0], ChoiceResponse.Of(0, 1)));
        Assert.Equal(0m, Scoring.Score(multiple[0], ChoiceResponse.Of(0, 2)));
        Assert.Equal(0.5m, Scoring.Score(multiple[0], ChoiceResponse.Of(0)));
        Assert.Equal(0m, Scoring.Score(multiple[0], ChoiceResponse.Of(0, 1, 2, 3)));
        Assert.Equal(1m, Scoring.Score(multiple[1], ChoiceResponse.Of(0, 1, 2))); // 3 × 33.33333%: Moodle's 0.9999999 counts as right

        var xml = Xml("multichoice-multiple.xml").Questions;
        Assert.Equal([0.5m, 0.5m, -1m, -1m], xml[0].Choices.Select(c => c.Fraction));
        Assert.Equal(0m, Scoring.Score(xml[1], ChoiceResponse.Of(0, 1, 2, 3)));
    }

    [Fact]
    public void Short_answers_match_the_first_accepted_answer_with_wildcards_and_typography_as_typed_on_a_phone()
    {
        var weights = Gift("shortanswer-weights.gift").Questions;
        Assert.Equal(1m, Text(weights[0], "cej"));
        Assert.Equal(0.5m, Text(weights[0], "contrat JEUNE"));
        Assert.Equal(0m, Text(weights[0], "RSA"));
        Assert.Equal("Non : le sigle est CEJ.", Scoring.MatchingAnswer(weights[0], "RSA")?.Feedback);
        Assert.Equal(1m, Text(weights[1], "pole emploi")); // accents never count here (Moodle would say 0)

        var apostrophes = Gift("typographic-apostrophe.gift").Questions;
        Assert.Equal(1m, Text(apostrophes[0], "Plan d’action"));
        Assert.Equal(1m, Text(apostrophes[1], "contrat d'engagement"));   // straight apostrophe for a typographic one
        Assert.Equal(1m, Text(apostrophes[1], "Contrat d’Engagement"));
        Assert.Equal(1m, Text(apostrophes[1], " contrat\u00A0d’engagement ")); // no-break space from a phone keyboard

        var xml = Xml("shortanswer.xml").Questions;
        Assert.Equal(1m, Text(xml[0], "paris"));
        Assert.Equal(1m, Text(xml[0], "Parisss"));
        Assert.Equal(0m, Text(xml[0], "Paris 20e"));
        Assert.Equal("<p>Non : le siège est à Paris.</p>", Scoring.MatchingAnswer(xml[0], "Lyon")?.Feedback);
        Assert.True(xml[1].CaseSensitive);
        Assert.Equal(1m, Text(xml[1], "CEJ"));
        Assert.Equal(0m, Text(xml[1], "cej"));
        Assert.Equal(0.5m, Text(xml[1], "Contrat d’engagement jeune"));
        Assert.Equal(0m, Text(xml[1], "contrat d'engagement jeune"));
    }

    [Fact]
    public void Numerical_answers_take_the_first_range_that_holds_the_value_and_the_catch_all_gives_its_feedback()
    {
        var catchAll = Assert.Single(Gift("numerical-catch-all.gift").Questions);
        Assert.Equal(2, catchAll.Numbers.Count);
        Assert.Equal(1m, Number(catchAll, 292));
        Assert.Equal("Yes.", Scoring.MatchingNumber(catchAll, 292)?.Feedback);
        Assert.Equal(0m, Number(catchAll, 300));
        Assert.Equal("The report says 289.", Scoring.MatchingNumber(catchAll, 300)?.Feedback);

        var tolerance = Gift("numerical-tolerance.gift").Questions;
        Assert.Equal(0m, Number(tolerance[0], 35.5m));
        Assert.Equal(1m, Number(tolerance[1], 11.68m));
        Assert.Equal(1m, Number(Gift("numerical-range.gift").Questions[0], 25));
        var partial = Gift("numerical-partial-credit.gift").Questions[0];
        Assert.Equal([1m, 0.5m, 0.25m, 0m], new[] { 62m, 63m, 55m, 75m }.Select(v => Number(partial, v)));

        var xml = Xml("numerical-units.xml");
        var units = Assert.Single(xml.Questions);
        Assert.Equal(1m, Number(units, 35));
        Assert.Equal("<p>C'était la durée légale avant 2000.</p>", Scoring.MatchingNumber(units, 39)?.Feedback);
        Assert.Equal("<p>La durée légale est de 35 heures.</p>", Scoring.MatchingNumber(units, 40)?.Feedback);
        Assert.Contains("grades its unit", Assert.Single(xml.Refused).Reason);
    }

    [Fact]
    public void Matching_counts_items_not_distractors_and_ordering_follows_its_grading_type()
    {
        var matching = Gift("matching.gift").Questions[0];
        Assert.Equal(4, matching.Pairs.Count);
        Assert.Equal(3, matching.MatchingItems.Count());
        Assert.Equal(1m, Scoring.Score(matching, new MatchingResponse(new Dictionary<int, int> { [0] = 0, [1] = 1, [2] = 2 })));
        Assert.Equal(2m / 3, Scoring.Score(matching, new MatchingResponse(new Dictionary<int, int> { [0] = 0, [1] = 1, [2] = 3 })));
        var xmlMatching = Assert.Single(Xml("matching-distractor.xml").Questions);
        Assert.Equal(3, xmlMatching.MatchingItems.Count());

        var ordering = Xml("ordering.xml").Questions;
        Assert.Equal(OrderingGrading.AbsolutePosition, ordering[0].Grading);
        Assert.Equal(1m, Scoring.Score(ordering[0], new OrderingResponse([0, 1, 2, 3])));
        Assert.Equal(0.5m, Scoring.Score(ordering[0], new OrderingResponse([1, 0, 2, 3])));
        Assert.Equal(OrderingGrading.RelativeNextExcludeLast, ordering[1].Grading);
        Assert.Equal(1m / 3, Scoring.Score(ordering[1], new OrderingResponse([1, 0, 2, 3])));
        Assert.Equal(0m, Scoring.Score(ordering[1], new OrderingResponse([3, 2, 1, 0])));
    }

    [Fact]
    public void Marks_penalties_id_numbers_tags_and_images_come_from_moodle_xml()
    {
        var file = Xml("multichoice-single.xml");
        var first = file.Questions[0];
        Assert.Equal((2m, 0.3333333m, "INS-EMP-001"), (first.Mark, first.Penalty, first.IdNumber));
        Assert.Equal(["employeurs", "prospection"], first.Tags);
        Assert.Equal(2m, Scoring.Points(first, ChoiceResponse.Of(0)));
        Assert.Equal(1m, Scoring.Points(first, ChoiceResponse.Of(1)));

        var image = Assert.Single(Xml("image-pluginfile.xml").Found);
        var png = Assert.Single(image.Files);
        Assert.Equal("charte-couleurs.png", png.Name);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.Content[..4]);
        Assert.Contains("@@PLUGINFILE@@/charte-couleurs.png", image.Question.Text);
    }

    [Theory]
    [InlineData("multianswer-cloze.xml", "cloze")]
    [InlineData("essay.xml", "essays")]
    [InlineData("calculated.xml", "calculated")]
    [InlineData("ddwtos.xml", "drag-and-drop")]
    [InlineData("gapselect.xml", "missing-words")]
    [InlineData("missing-questiontext.xml", "no <questiontext>")]
    public void Types_the_platform_cannot_grade_are_refused_by_name_and_line(string file, string reason)
    {
        var read = Xml(file);

        Assert.Empty(read.Questions);
        var refused = Assert.Single(read.Refused);
        Assert.True(refused.Line > 1);
        Assert.NotEmpty(refused.Name);
        Assert.Contains(reason, refused.Reason);
    }

    [Fact]
    public void A_malformed_xml_file_is_refused_whole_with_its_line()
    {
        var error = Assert.Throws<QuestionFormatException>(() => Xml("malformed-unclosed-tag.xml"));
        Assert.True(error.Line > 1);
    }

    [Fact]
    public void Banks_exported_by_moodle_import_without_edits()
    {
        var gift = GiftReader.Read(File.ReadAllText(Path.Combine(Folder, "moodle-export-gift.gift")));
        var xml = MoodleXml.Read(File.ReadAllText(Path.Combine(Folder, "moodle-export.xml")));

        Assert.Empty(gift.Refused);
        Assert.Empty(xml.Refused);
        Assert.Equal(11, gift.Questions.Count);
        Assert.Equal(11, xml.Questions.Count);
        Assert.Equal(7, gift.Questions.Select(q => q.Type).Distinct().Count()); // every type GIFT has
        Assert.Contains(xml.Questions, q => q.Type == QuestionType.Ordering);
        Assert.Contains(xml.Found, f => f.Files.Count == 1);
    }

    // Every file with a question the platform takes (the others are refused whole, tested above).
    public static TheoryData<string> Files => [.. Directory.GetFiles(Folder, "*.*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".gift") || (f.EndsWith(".xml") && !f.Contains("malformed")))
        .Where(f => Read(f, File.ReadAllText(f)).Questions.Count > 0).Select(f => Path.GetRelativePath(Folder, f)).Order()];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_file_comes_back_the_same_through_export_and_import_in_its_format(string name)
    {
        var read = Read(name, File.ReadAllText(Path.Combine(Folder, name)));

        var again = Read(name, name.EndsWith(".xml") ? MoodleXml.Write(read.Questions) : GiftWriter.Write(read.Questions));

        Assert.Empty(again.Refused);
        QuestionAssert.Same(read.Questions, again.Questions);
    }

    private static QuestionFile Read(string name, string text) => name.EndsWith(".xml") ? MoodleXml.Read(text) : GiftReader.Read(text);
}
