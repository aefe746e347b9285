using Learning.Modules.Assessment.Formats;
using Learning.Modules.Assessment.Questions;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.Assessment;

public sealed class GiftTests
{
    private const string Bank = """
        // A comment line, ignored
        $CATEGORY: $course$/mooc/part-1

        ::single:: Which Brussels service registers jobseekers? {=Actiris#Right: it is the regional employment service. ~Forem#Forem works in Wallonia. ~%50%A Mission Locale#Partly: they support, Actiris registers. ####Registration comes first.}

        ::multiple:: Which barriers did the personas face? (select all) {~%50%Housing ~%50%Language ~%-100%None at all}

        ::truefalse:: Skills validation gives an official title. {TRUE#It does: the Title of competence.#Right.}

        ::false statement:: Outreach means waiting for people to come. {F}

        ::short:: What does VDC stand for? {=validation des compétences =VDC}

        ::matching:: Match each service with its field. {=Actiris -> employment =Bruxelles Formation -> training =CPAS -> social aid}

        ::numeric:: How many people were accompanied in 2024? {#289:0}

        ::range:: Between which figures? {#280..300}

        ::multi numeric:: A figure close to pi? {#=3.14:0.01#Good. =%50%3:0.5#Roughly.}

        ::escapes\: all of them:: Characters \~ \= \# \{ \} \: stay text. {=a \= b\: \{c\} \~ \#1 ~other}
        """;

    [Fact]
    public void Every_gift_type_is_read_with_its_weights_feedback_and_escapes()
    {
        var questions = GiftReader.Read(Bank).Questions.ToDictionary(q => q.Name);

        var single = questions["single"];
        Assert.Equal(QuestionType.SingleChoice, single.Type);
        Assert.Equal("mooc/part-1", single.Category);
        Assert.Equal([1m, 0m, 0.5m], single.Choices.Select(c => c.Fraction));
        Assert.Equal("Forem works in Wallonia.", single.Choices[1].Feedback);
        Assert.Equal("Registration comes first.", single.GeneralFeedback);

        Assert.Equal(QuestionType.MultipleResponse, questions["multiple"].Type);
        Assert.Equal([0.5m, 0.5m, -1m], questions["multiple"].Choices.Select(c => c.Fraction));

        var tf = questions["truefalse"];
        Assert.Equal(QuestionType.TrueFalse, tf.Type);
        Assert.Equal([1m, 0m], tf.Choices.Select(c => c.Fraction));
        Assert.Equal("Right.", tf.Choices[0].Feedback);
        Assert.Equal("It does: the Title of competence.", tf.Choices[1].Feedback);
        Assert.Equal([0m, 1m], questions["false statement"].Choices.Select(c => c.Fraction));

        Assert.Equal(QuestionType.ShortAnswer, questions["short"].Type);
        Assert.Equal(["validation des compétences", "VDC"], questions["short"].Choices.Select(c => c.Text));

        Assert.Equal([new MatchPair("Actiris", "employment"), new MatchPair("Bruxelles Formation", "training"), new MatchPair("CPAS", "social aid")], questions["matching"].Pairs);

        Assert.Equal(new NumericalAnswer(289, 289, 1), questions["numeric"].Numbers.Single());
        Assert.Equal(new NumericalAnswer(280, 300, 1, AsRange: true), questions["range"].Numbers.Single());
        Assert.Equal([new NumericalAnswer(3.13m, 3.15m, 1, "Good."), new NumericalAnswer(2.5m, 3.5m, 0.5m, "Roughly.")], questions["multi numeric"].Numbers);

        var escaped = questions["escapes: all of them"];
        Assert.Equal("Characters ~ = # { } : stay text.", escaped.Text);
        Assert.Equal("a = b: {c} ~ #1", escaped.Choices[0].Text);
    }

    [Fact]
    public void Writing_then_reading_gives_back_the_same_questions()
    {
        var questions = GiftReader.Read(Bank).Questions;

        var again = GiftReader.Read(GiftWriter.Write(questions)).Questions;

        Assert.Equal(10, questions.Count);
        QuestionAssert.Same(questions, again);
    }

    public static TheoryData<string, int, string> BrokenFiles => new()
    {
        { "::a:: Fine {=yes ~no}\n\n::b:: Unclosed {=yes ~no\n", 3, "not closed" },
        { "::a:: Stray } brace\n", 1, "no opening brace" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void A_file_whose_braces_do_not_close_is_refused_whole_with_the_line_of_the_problem(string gift, int line, string message)
    {
        var error = Assert.Throws<QuestionFormatException>(() => GiftReader.Read(gift));

        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message);
    }

    public static TheoryData<string, int, string> BrokenQuestions => new()
    {
        { "::a:: Fine {=yes ~no}\n\n\n::b:: Essay {}\n", 4, "essay" },
        { "::a:: Fine {=yes ~no}\n\n::n:: Number {#abc}\n", 3, "not a number" },
        { "::a:: Fine {=yes ~no}\n\n::m:: Half matching {=a -> 1 =b}\n", 3, "matching" },
        { "::a:: Fine {=yes ~no}\n\n::w:: No right {~a ~b}\n", 3, "no right answer" },
        { "::a:: Fine {=yes ~no}\n\n::c:: Cloze {=a ~b} and {=c ~d}\n", 3, "more than one answer block" },
        { "::a:: Fine {=yes ~no}\n\n::x:: Weight {~%150%a ~b}\n", 3, "percentage" },
    };

    [Theory]
    [MemberData(nameof(BrokenQuestions))]
    public void A_question_that_breaks_the_rules_is_refused_with_its_line_and_the_others_are_read(string gift, int line, string message)
    {
        var file = GiftReader.Read(gift);

        var refused = Assert.Single(file.Refused);
        Assert.Equal(line, refused.Line);
        Assert.Contains(message, refused.Reason);
        Assert.Equal("a", Assert.Single(file.Questions).Name);
    }
}
