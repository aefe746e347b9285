using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Reporting;

namespace Learning.Tests.Reporting;

/// <summary>
/// The item analysis against figures worked by hand, with Moodle's definitions (question/classes/statistics/
/// questions/calculator.php): facility = mean(mark / max) × 100; discrimination = 100 × cov(x, r) / √(var x · var r)
/// where r is the rest of the test (total − x) and variances and covariance divide by n − 1; discriminative
/// efficiency = 100 × cov(x, r) / covmax, covmax pairing x and r each sorted ascending.
/// </summary>
public sealed class ItemAnalysisTests
{
    /// <summary>
    /// Six learners, one attempt each. a is single choice (1 mark; choice 0 right), b multiple response (2 marks;
    /// choices 0 and 1 at 50%, choice 2 at −100%), c (3 marks) was added to the bank after learners 2, 4 and 6 took
    /// the test, so only three attempts drew it.
    ///
    ///   attempt   a (of 1)      b (of 2)            c (of 3)   total
    ///   1         1  ticks 0    2  ticks 0, 1       3          6
    ///   2         1  ticks 0    2  ticks 0, 1       —          3
    ///   3         1  ticks 0    1  ticks 0          0          2
    ///   4         0  ticks 1    1  ticks 1          —          1
    ///   5         1  ticks 0    0  ticks 0, 2       3          4
    ///   6         0  ticks 2    0  ticks 0, 1, 2    —          0
    /// </summary>
    public static BankResults SixLearners()
    {
        static DrawnQuestion A(decimal points, int chosen) => new("a", points, 1, [chosen]);
        static DrawnQuestion B(decimal points, params int[] chosen) => new("b", points, 2, chosen);
        static DrawnQuestion C(decimal points) => new("c", points, 3, [points > 0 ? 0 : 1]);
        return new BankResults("reports/test", ["fr"],
            [new("a", 1, ["Right", "Wrong", "Other"]), new("b", 2, ["One", "Two", "Three"]), new("c", 3, ["Yes", "No"])],
            [
                new(1, "learner-1", 1, [A(1, 0), B(2, 0, 1), C(3)]),
                new(2, "learner-2", 1, [B(2, 0, 1), A(1, 0)]),
                new(3, "learner-3", 1, [C(0), A(1, 0), B(1, 0)]),
                new(4, "learner-4", 1, [A(0, 1), B(1, 1)]),
                new(5, "learner-5", 1, [A(1, 0), C(3), B(0, 0, 2)]),
                new(6, "learner-6", 1, [A(0, 2), B(0, 0, 1, 2)]),
            ]);
    }

    [Fact]
    public void A_question_that_orders_learners_as_the_rest_of_the_test_does_discriminates_fully()
    {
        // a: x = 1 1 1 0 1 0 (mean 2/3), r = total − x = 5 2 1 1 3 0 (mean 2).
        // Facility: 4 of 6 marks = 66.67%.
        // Σ(x − x̄)² = 4 × (1/3)² + 2 × (2/3)² = 4/3; Σ(r − r̄)² = 9 + 0 + 1 + 1 + 1 + 4 = 16;
        // Σ(x − x̄)(r − r̄) = 1 + 0 − 1/3 + 2/3 + 1/3 + 4/3 = 3.
        // Discrimination: the n − 1 cancel: 100 × 3 / √(4/3 × 16) = 100 × 3√3 / 8 = 64.95.
        // Sorted: x − x̄ = −2/3 −2/3 1/3 1/3 1/3 1/3 against r − r̄ = −2 −1 −1 0 1 3: 4/3 + 2/3 − 1/3 + 0 + 1/3 + 1 = 3,
        // the covariance itself: efficiency 100%.
        var a = ItemAnalysis.Of(SixLearners()).Single(q => q.Name == "a");

        Assert.Equal(6, a.Attempts);
        Assert.Equal(66.67, a.Facility!.Value, 2);
        Assert.Equal(64.95, a.Discrimination!.Value, 2);
        Assert.Equal(100, a.Efficiency!.Value, 2);
        Assert.Empty(a.Flags);
    }

    [Fact]
    public void A_question_worth_two_marks_is_measured_on_its_marks_and_flagged_when_it_does_not_discriminate()
    {
        // b: y = 2 2 1 1 0 0 (mean 1), r = 4 1 1 0 4 0 (mean 5/3).
        // Facility: (1 + 1 + 0.5 + 0.5 + 0 + 0) / 6 = 50%.
        // Σ(y − ȳ)² = 4; r − r̄ = 7/3 −2/3 −2/3 −5/3 7/3 −5/3, Σ² = 156/9 = 52/3;
        // Σ(y − ȳ)(r − r̄) = 7/3 − 2/3 + 0 + 0 − 7/3 + 5/3 = 1.
        // Discrimination: 100 × 1 / √(4 × 52/3) = 100 / √69.33 = 12.01, below 20.
        // Sorted: y − ȳ = −1 −1 0 0 1 1 against r − r̄ = −5/3 −5/3 −2/3 −2/3 7/3 7/3: 5/3 + 5/3 + 7/3 + 7/3 = 8;
        // efficiency 100 × 1/8 = 12.5%.
        var b = ItemAnalysis.Of(SixLearners()).Single(q => q.Name == "b");

        Assert.Equal(50, b.Facility!.Value, 2);
        Assert.Equal(12.01, b.Discrimination!.Value, 2);
        Assert.Equal(12.5, b.Efficiency!.Value, 2);
        Assert.Equal([ItemFlag.DoesNotDiscriminate], b.Flags);
    }

    [Fact]
    public void A_share_of_a_choice_is_given_only_when_five_learners_or_none_took_it()
    {
        // b's choice 0 was ticked in attempts 1, 2, 3, 5 and 6: 5 of 6 = 83.33%; choice 1 by 4 learners, choice 2 by 2.
        // a's right choice was taken by 4 learners, its others by 1 each.
        var analysis = ItemAnalysis.Of(SixLearners());
        var b = analysis.Single(q => q.Name == "b").Choices;
        var a = analysis.Single(q => q.Name == "a").Choices;

        Assert.Equal(["One", "Two", "Three"], b.Select(c => c.Text));
        Assert.Equal(83.33, b[0].Percent, 2);
        Assert.False(b[0].TooFewLearners);
        Assert.True(b[1].TooFewLearners);
        Assert.True(b[2].TooFewLearners);
        Assert.All(a, c => Assert.True(c.TooFewLearners));
    }

    [Fact]
    public void A_question_drawn_by_fewer_than_five_learners_gets_no_figures()
    {
        var c = ItemAnalysis.Of(SixLearners()).Single(q => q.Name == "c");

        Assert.Equal(3, c.Attempts);
        Assert.True(c.TooFewLearners);
        Assert.Null(c.Facility);
        Assert.Null(c.Discrimination);
        Assert.Null(c.Efficiency);
        Assert.Empty(c.Choices);
        Assert.Empty(c.Flags);
    }

    [Fact]
    public void Five_attempts_of_fewer_than_five_learners_get_no_figures()
    {
        // All attempts: a learner's retakes are not other people.
        var attempts = Enumerable.Range(1, 6).Select(i => new SubmittedAttempt(i, $"learner-{i % 3}", i, [new DrawnQuestion("a", i % 2, 1, [])])).ToList();

        var a = ItemAnalysis.Of(new BankResults("bank", ["fr"], [new("a", 1, [])], attempts)).Single();

        Assert.Equal(6, a.Attempts);
        Assert.Equal(3, a.Learners);
        Assert.Null(a.Facility);
    }

    [Fact]
    public void A_question_everyone_gets_right_is_too_easy_and_one_nobody_gets_right_too_hard()
    {
        // No spread of marks on either: the correlation is undefined (Moodle leaves it empty) and not flagged.
        var attempts = Enumerable.Range(1, 5).Select(i => new SubmittedAttempt(i, $"learner-{i}", 1,
            [new DrawnQuestion("easy", 1, 1, [0]), new DrawnQuestion("hard", 0, 1, [1]), new DrawnQuestion("other", i % 2, 1, [])])).ToList();

        var analysis = ItemAnalysis.Of(new BankResults("bank", ["fr"], [new("easy", 1, ["yes", "no"]), new("hard", 1, ["yes", "no"])], attempts));

        var easy = analysis.Single(q => q.Name == "easy");
        var hard = analysis.Single(q => q.Name == "hard");
        Assert.Equal(100, easy.Facility!.Value);
        Assert.Null(easy.Discrimination);
        Assert.Null(easy.Efficiency);
        Assert.Equal([ItemFlag.TooEasy], easy.Flags);
        Assert.Equal(0, hard.Facility!.Value);
        Assert.Equal([ItemFlag.TooHard], hard.Flags);
        Assert.Equal(100, easy.Choices[0].Percent);
        Assert.Equal(0, easy.Choices[1].Percent);
        Assert.False(easy.Choices[1].TooFewLearners);
    }
}
