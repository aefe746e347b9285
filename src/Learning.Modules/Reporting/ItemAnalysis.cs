using Learning.Modules.Assessment.Contracts;

namespace Learning.Modules.Reporting;

/// <summary>
/// Item analysis of a bank's questions with the definitions of Moodle's quiz statistics
/// (question/classes/statistics/questions/calculator.php), so that partners can compare with their Moodle:
/// <list type="bullet">
/// <item>facility index: the mean of mark earned over maximum mark, in %;</item>
/// <item>discrimination index: 100 × the correlation of the question's mark with the rest of the test's
/// (the attempt's total minus this question), from sample (n − 1) variances and covariance;</item>
/// <item>discriminative efficiency: 100 × that covariance over the largest covariance the same two lists of
/// marks could have, reached when both are paired in sorted order.</item>
/// </list>
/// Each attempt draws its questions at random, so each question is measured over the attempts that drew it.
/// Figures about people are aggregates: a question seen by fewer than <see cref="FewestLearners"/> learners gets
/// none.
/// </summary>
public static class ItemAnalysis
{
    public const int FewestLearners = 5;

    public const double LowestFacility = 20;

    public const double HighestFacility = 95;

    public const double LowestDiscrimination = 20;

    public static IReadOnlyList<QuestionStatistics> Of(BankResults results)
    {
        // Each attempt's total is the sum of its questions' points (Moodle's "summarks").
        var totals = results.Attempts.ToDictionary(a => a.Id, a => a.Questions.Sum(q => (double)q.Points));
        // Each attempt's questions by name, once (an attempt counts a question once), rather than a scan per question.
        var drawn = results.Attempts
            .SelectMany(a => a.Questions.DistinctBy(q => q.Name), (a, q) => (a.Learner, Drawn: q, RestOfTest: totals[a.Id] - (double)q.Points))
            .ToLookup(s => s.Drawn.Name, StringComparer.Ordinal);
        return results.Questions.Select(question =>
        {
            var seen = drawn[question.Name].ToList();
            var learners = seen.Select(s => s.Learner).Distinct().Count();
            if (learners < FewestLearners)
            {
                return new QuestionStatistics(question.Name, seen.Count, learners, null, null, null, [], []);
            }

            var n = seen.Count;
            var marks = seen.Select(s => (double)s.Drawn.Points).ToList();
            var rests = seen.Select(s => s.RestOfTest).ToList();
            var facility = 100 * seen.Average(s => s.Drawn.Mark == 0 ? 0 : (double)(s.Drawn.Points / s.Drawn.Mark));

            var markMean = marks.Average();
            var restMean = rests.Average();
            var markVariance = marks.Sum(m => Math.Pow(m - markMean, 2)) / (n - 1);
            var restVariance = rests.Sum(r => Math.Pow(r - restMean, 2)) / (n - 1);
            var covariance = marks.Zip(rests, (m, r) => (m - markMean) * (r - restMean)).Sum() / (n - 1);
            // The largest covariance these marks allow: the lowest mark with the lowest rest, and so on up.
            var largestCovariance = marks.Order().Zip(rests.Order(), (m, r) => (m - markMean) * (r - restMean)).Sum() / (n - 1);

            // Undefined when a list has no spread (everyone earned the same), as in Moodle.
            double? discrimination = markVariance * restVariance > 0 ? 100 * covariance / Math.Sqrt(markVariance * restVariance) : null;
            double? efficiency = largestCovariance != 0 ? 100 * covariance / largestCovariance : null;

            var choices = question.Choices.Select((text, index) =>
            {
                var taking = seen.Where(s => s.Drawn.Chosen.Contains(index)).ToList();
                return new ChoiceShare(text, taking.Select(s => s.Learner).Distinct().Count(), 100.0 * taking.Count / n);
            }).ToList();

            var flags = new List<ItemFlag>();
            if (facility > HighestFacility)
            {
                flags.Add(ItemFlag.TooEasy);
            }

            if (facility < LowestFacility)
            {
                flags.Add(ItemFlag.TooHard);
            }

            if (discrimination < LowestDiscrimination)
            {
                flags.Add(ItemFlag.DoesNotDiscriminate);
            }

            return new QuestionStatistics(question.Name, n, learners, facility, discrimination, efficiency, choices, flags);
        }).ToList();
    }
}
