using Learning.Modules.Assessment.Formats;
using Learning.Modules.Assessment.Questions;

namespace Learning.Tests.Assessment;

public sealed class MoodleXmlTests
{
    private const string Bank = """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
          <question type="category"><category><text>$course$/mooc/part-2</text></category></question>
          <question type="multichoice">
            <name><text>single</text></name>
            <questiontext format="html"><text>Who registers jobseekers in Brussels?</text></questiontext>
            <generalfeedback><text>Registration comes first.</text></generalfeedback>
            <single>true</single>
            <answer fraction="100"><text>Actiris</text><feedback><text>Right.</text></feedback></answer>
            <answer fraction="0"><text>Forem</text><feedback><text>Wallonia.</text></feedback></answer>
          </question>
          <question type="multichoice">
            <name><text>multiple</text></name>
            <questiontext><text>Which barriers?</text></questiontext>
            <single>false</single>
            <answer fraction="33.33333"><text>Housing</text></answer>
            <answer fraction="33.33333"><text>Language</text></answer>
            <answer fraction="33.33333"><text>Childcare</text></answer>
            <answer fraction="-100"><text>None</text></answer>
          </question>
          <question type="truefalse">
            <name><text>tf</text></name>
            <questiontext><text>Outreach means going where people are.</text></questiontext>
            <answer fraction="100"><text>true</text><feedback><text>Yes.</text></feedback></answer>
            <answer fraction="0"><text>false</text><feedback><text>It does.</text></feedback></answer>
          </question>
          <question type="shortanswer">
            <name><text>short</text></name>
            <questiontext><text>What does VDC stand for?</text></questiontext>
            <answer fraction="100"><text>validation des compétences</text></answer>
            <answer fraction="100"><text>VDC</text></answer>
          </question>
          <question type="matching">
            <name><text>matching</text></name>
            <questiontext><text>Match.</text></questiontext>
            <subquestion><text>Actiris</text><answer><text>employment</text></answer></subquestion>
            <subquestion><text>CPAS</text><answer><text>social aid</text></answer></subquestion>
          </question>
          <question type="numerical">
            <name><text>numeric</text></name>
            <questiontext><text>How many?</text></questiontext>
            <answer fraction="100"><text>289</text><tolerance>1</tolerance></answer>
          </question>
          <question type="ordering">
            <name><text>ordering</text></name>
            <questiontext><text>Put the steps in order.</text></questiontext>
            <answer fraction="0"><text>Detect</text></answer>
            <answer fraction="0"><text>Inform</text></answer>
            <answer fraction="0"><text>Support</text></answer>
          </question>
        </quiz>
        """;

    [Fact]
    public void Every_supported_type_is_read_with_its_category_fractions_and_feedback()
    {
        var questions = MoodleXml.Read(Bank).Questions.ToDictionary(q => q.Name);

        Assert.Equal(7, questions.Count);
        Assert.All(questions.Values, q => Assert.Equal("mooc/part-2", q.Category));
        Assert.Equal(QuestionType.SingleChoice, questions["single"].Type);
        Assert.Equal("Wallonia.", questions["single"].Choices[1].Feedback);
        Assert.Equal("Registration comes first.", questions["single"].GeneralFeedback);
        Assert.Equal(QuestionType.MultipleResponse, questions["multiple"].Type);
        Assert.Equal(1m, Scoring.Score(questions["multiple"], ChoiceResponse.Of(0, 1, 2)));
        Assert.Equal([1m, 0m], questions["tf"].Choices.Select(c => c.Fraction));
        Assert.Equal(2, questions["short"].Choices.Count);
        Assert.Equal(new MatchPair("CPAS", "social aid"), questions["matching"].Pairs[1]);
        Assert.Equal(new NumericalAnswer(288, 290, 1), questions["numeric"].Numbers.Single());
        Assert.Equal(["Detect", "Inform", "Support"], questions["ordering"].Order);
    }

    [Fact]
    public void Writing_then_reading_gives_back_the_same_questions_and_gift_questions_survive_moodle_xml()
    {
        var questions = MoodleXml.Read(Bank).Questions;
        var again = MoodleXml.Read(MoodleXml.Write(questions)).Questions;

        Assert.Equal(7, questions.Count);
        QuestionAssert.Same(questions, again);

        var gift = GiftReader.Read("::g:: Which? {=a#yes ~b#no ####general}\n\n::n:: Range {#1..5}\n\n::m:: Match {=x -> 1 =y -> 2}\n\n::t:: True? {T#wrong#right}").Questions;
        var throughXml = MoodleXml.Read(MoodleXml.Write(gift)).Questions;
        Assert.Equal(4, gift.Count);
        QuestionAssert.Same(gift, throughXml, compareRangeNotation: false); // Moodle XML writes a range as a value and a tolerance
        Assert.True(gift[1].Numbers[0].AsRange);
        Assert.False(throughXml[1].Numbers[0].AsRange);
    }

    [Theory]
    [InlineData("<quiz>\n\n<question type=\"truefalse\"", 3, "not valid XML")]
    [InlineData("<notaquiz/>", 1, "starts with <quiz>")]
    public void A_file_that_is_no_bank_is_refused_whole_with_its_line(string xml, int line, string message)
    {
        var error = Assert.Throws<QuestionFormatException>(() => MoodleXml.Read(xml));

        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("<quiz><question type=\"multichoice\"><name><text>x</text></name>\n<questiontext><text>?</text></questiontext>\n<answer fraction=\"abc\"><text>a</text></answer><answer fraction=\"0\"><text>b</text></answer></question></quiz>", 1, "not a number")]
    [InlineData("<quiz>\n<question type=\"essay\"><name><text>x</text></name><questiontext><text>?</text></questiontext></question></quiz>", 2, "essays need a person")]
    public void A_question_that_cannot_be_graded_is_refused_by_name_and_line(string xml, int line, string message)
    {
        var refused = Assert.Single(MoodleXml.Read(xml).Refused);

        Assert.Equal("x", refused.Name);
        Assert.Equal(line, refused.Line);
        Assert.Contains(message, refused.Reason);
    }
}
