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
        var questions = GiftReader.Read(Bank).ToDictionary(q => q.Name);

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
        var questions = GiftReader.Read(Bank);

        var again = GiftReader.Read(GiftWriter.Write(questions));

        Assert.Equal(10, questions.Count);
        QuestionAssert.Same(questions, again);
    }

    public static TheoryData<string, int, string> Broken => new()
    {
        { "::a:: Fine {=yes ~no}\n\n::b:: Unclosed {=yes ~no\n", 3, "not closed" },
        { "::a:: No answers at all\n", 1, "no answer block" },
        { "::a:: Fine {=yes ~no}\n\n\n::b:: Two rights {=yes =also ~no}\n", 4, "several '=' answers" },
        { "::a:: Stray } brace\n", 1, "no opening brace" },
        { "::a:: Essay {}\n", 1, "empty answer block" },
        { "::n:: Number {#abc}\n", 1, "not a number" },
        { "::m:: Half matching {=a -> 1 =b}\n", 1, "matching" },
        { "::w:: No right {~a ~b}\n", 1, "no right answer" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_malformed_file_is_refused_with_the_line_of_the_problem(string gift, int line, string message)
    {
        var error = Assert.Throws<QuestionFormatException>(() => GiftReader.Read(gift));

        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message);
    }
}
