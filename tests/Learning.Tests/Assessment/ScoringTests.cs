using Learning.Modules.Assessment.Questions;

namespace Learning.Tests.Assessment;

public sealed class ScoringTests
{
    private static Question Single => new()
    {
        Name = "single", Text = "Which service…?", Type = QuestionType.SingleChoice,
        Choices = [new("Actiris", 1), new("Forem", 0), new("CPAS", 0.5m)],
    };

    private static Question Multiple => new()
    {
        Name = "multiple", Text = "Which barriers…?", Type = QuestionType.MultipleResponse,
        Choices = [new("Housing", 0.3333333m), new("Language", 0.3333333m), new("Childcare", 0.3333333m), new("Hair colour", -0.5m), new("Shoe size", -0.5m)],
    };

    [Fact]
    public void Single_choice_earns_the_chosen_answers_fraction()
    {
        Assert.Equal(1m, Scoring.Score(Single, ChoiceResponse.Of(0)));
        Assert.Equal(0m, Scoring.Score(Single, ChoiceResponse.Of(1)));
        Assert.Equal(0.5m, Scoring.Score(Single, ChoiceResponse.Of(2)));
        Assert.Equal(0m, Scoring.Score(Single, ChoiceResponse.Of()));
        Assert.Equal(0m, Scoring.Score(Single, ChoiceResponse.Of(0, 1)));
        Assert.Equal(0m, Scoring.Score(Single, null));
    }

    [Fact]
    public void Multiple_response_sums_ticked_fractions_so_that_ticking_everything_earns_nothing()
    {
        Assert.Equal(1m, Scoring.Score(Multiple, ChoiceResponse.Of(0, 1, 2)));
        Assert.Equal(Math.Round(2m / 3m, 20), Math.Round(Scoring.Score(Multiple, ChoiceResponse.Of(0, 1)), 20));
        Assert.Equal(0m, Scoring.Score(Multiple, ChoiceResponse.Of(0, 1, 2, 3, 4)));
        Assert.Equal(0m, Scoring.Score(Multiple, ChoiceResponse.Of(3)));
        Assert.True(Scoring.Score(Multiple, ChoiceResponse.Of(0, 1, 2, 3)) is > 0m and < 1m);
    }

    [Fact]
    public void True_false_matching_and_ordering_give_credit_per_right_part()
    {
        var trueFalse = new Question { Name = "tf", Text = "…", Type = QuestionType.TrueFalse, Choices = [new("True", 0), new("False", 1)] };
        var matching = new Question { Name = "m", Text = "…", Type = QuestionType.Matching, Pairs = [new("Actiris", "employment"), new("Bruxelles Formation", "training"), new("CPAS", "social aid"), new("Forem", "Wallonia")] };
        var ordering = new Question { Name = "o", Text = "…", Type = QuestionType.Ordering, Order = ["detect", "inform", "support", "place"] };

        Assert.Equal(1m, Scoring.Score(trueFalse, ChoiceResponse.Of(1)));
        Assert.Equal(0m, Scoring.Score(trueFalse, ChoiceResponse.Of(0)));
        Assert.Equal(0.75m, Scoring.Score(matching, new MatchingResponse(new Dictionary<int, int> { [0] = 0, [1] = 1, [2] = 2, [3] = 1 })));
        Assert.Equal(0.5m, Scoring.Score(ordering, new OrderingResponse([0, 1, 3, 2])));
        Assert.Equal(1m, Scoring.Score(ordering, new OrderingResponse([0, 1, 2, 3])));
    }

    [Fact]
    public void Short_answers_ignore_case_accents_and_spaces_and_accept_several_forms()
    {
        var question = new Question { Name = "s", Text = "…", Type = QuestionType.ShortAnswer, Choices = [new("validation des compétences", 1), new("VDC", 1), new("validation", 0.5m)] };

        Assert.Equal(1m, Scoring.Score(question, new TextResponse("  Validation   des COMPETENCES ")));
        Assert.Equal(1m, Scoring.Score(question, new TextResponse("vdc")));
        Assert.Equal(0.5m, Scoring.Score(question, new TextResponse("Validation")));
        Assert.Equal(0m, Scoring.Score(question, new TextResponse("certificat")));
    }

    [Fact]
    public void Numerical_answers_accept_a_tolerance_or_a_range()
    {
        var question = new Question
        {
            Name = "n", Text = "…", Type = QuestionType.Numerical,
            Numbers = [NumericalAnswer.WithTolerance(289, 0, 1), new NumericalAnswer(280, 300, 0.5m, AsRange: true)],
        };

        Assert.Equal(1m, Scoring.Score(question, new NumberResponse(289)));
        Assert.Equal(0.5m, Scoring.Score(question, new NumberResponse(300)));
        Assert.Equal(0m, Scoring.Score(question, new NumberResponse(300.01m)));
    }

    [Theory]
    [InlineData("7", 10, true)]        // 7 of 10 is exactly 70%: passed
    [InlineData("6.999", 10, false)]   // 69.99%: failed
    [InlineData("6.9999999999", 10, false)]
    [InlineData("8.4", 12, true)]      // 70% of 12 questions
    [InlineData("8.3999", 12, false)]
    [InlineData("0", 0, false)]
    public void A_test_passes_at_70_percent_compared_exactly(string total, int questions, bool passed)
    {
        Assert.Equal(passed, Scoring.Passed(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), questions, 70));
    }

    [Fact]
    public void Ten_answers_worth_70_percent_each_make_exactly_70_percent_and_pass()
    {
        var partial = new Question { Name = "p", Text = "…", Type = QuestionType.SingleChoice, Choices = [new("right", 1), new("almost", 0.7m), new("wrong", 0)] };

        // Added one by one, as a test adds its questions: in doubles, 0.7 ten times is not exactly 7.
        var total = 0m;
        for (var i = 0; i < 10; i++)
        {
            total += Scoring.Score(partial, ChoiceResponse.Of(1));
        }

        Assert.Equal(7m, total);
        Assert.True(Scoring.Passed(total, 10, 70));
    }
}
