using System.Globalization;
using System.Text.Json;
using Learning.Modules.Assessment.Contracts;
using Learning.Modules.Assessment.Questions;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Assessment.Pages;

/// <summary>One question of an attempt, in the reader's culture; its answer is saved when the person moves on.</summary>
[Authorize]
public sealed class AttemptQuestionModel(Examiner examiner, QuestionBanks banks) : PageModel
{
    public Attempt Attempt { get; private set; } = null!;

    public Question Question { get; private set; } = null!;

    public int Position { get; private set; }

    public int Count { get; private set; }

    public int Answered { get; private set; }

    /// <summary>The order the choices (matching or ordering items) are shown in: indexes into the question's
    /// lists, shuffled for each attempt. The form's fields are named and valued by their place on the page,
    /// never by these indexes, which follow the author's order (often the right answer first, the right order
    /// itself for ordering): the page says nothing the texts do not, and the server maps places back.</summary>
    public int[] Order { get; private set; } = [];

    public Response? Saved { get; private set; }

    /// <summary>Matching: the matches to choose from (each by the first pair that has it), in alphabetical
    /// order, which does not give the answer away; an option's value is its place in this list.</summary>
    public IReadOnlyList<(int Pair, string Match)> Matches => Question.Pairs.Select((p, i) => (Pair: i, p.Match))
        .DistinctBy(m => m.Match).OrderBy(m => m.Match, StringComparer.Ordinal).ToList();

    public async Task<IActionResult> OnGetAsync(int id, int position, CancellationToken cancellationToken) =>
        await LoadAsync(id, position, withAnswers: true, cancellationToken) switch
        {
            null => NotFound(),
            false => Redirect(CultureLinks.Path(Request, Cultures.Current, TestPaths.Attempt(id))),
            true => Page(),
        };

    public async Task<IActionResult> OnPostAsync(int id, int position, string? direction, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, position, withAnswers: false, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        if (loaded == true && ReadResponse() is { } response)
        {
            await examiner.SaveAnswerAsync(Attempt, Position - 1, response, cancellationToken);
        }

        var next = direction == "previous" ? Position - 1 : Position + 1;
        return Redirect(CultureLinks.Path(Request, Cultures.Current, next < 1 || next > Count ? TestPaths.Attempt(id) : TestPaths.Question(id, next)));
    }

    /// <summary>The response the form carries; null when nothing was answered.</summary>
    private Response? ReadResponse()
    {
        var form = Request.Form;
        return Question.Type switch
        {
            QuestionType.SingleChoice or QuestionType.TrueFalse or QuestionType.MultipleResponse =>
                form["choice"].Select(Place).Where(p => p >= 0).Select(p => Order[p]).ToHashSet() is { Count: > 0 } chosen
                    ? new ChoiceResponse(chosen) : null,
            QuestionType.Matching => new MatchingResponse(Enumerable.Range(0, Order.Length)
                .Where(p => int.TryParse(form[$"match-{p}"], out var option) && option >= 0 && option < Matches.Count)
                .ToDictionary(p => Order[p], p => Matches[int.Parse(form[$"match-{p}"]!)].Pair)),
            QuestionType.Ordering => new OrderingResponse(Enumerable.Range(0, Order.Length)
                .OrderBy(p => int.TryParse(form[$"rank-{p}"], out var rank) ? rank : int.MaxValue).ThenBy(p => p).Select(p => Order[p]).ToList()),
            QuestionType.ShortAnswer => TypedTextAttribute.Tidy(form["text"], 500) is { } text ? new TextResponse(text) : null,
            QuestionType.Numerical => decimal.TryParse(form["number"].ToString().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? new NumberResponse(number) : null,
            _ => null,
        };
    }

    /// <summary>A place on the page posted back; -1 when it is none.</summary>
    private int Place(string? value) => int.TryParse(value, out var place) && place >= 0 && place < Order.Length ? place : -1;

    /// <summary>Null: no such attempt for this person. False: the attempt is submitted. True: ready. The answers
    /// already given are read for the page only: saving one does not need them.</summary>
    private async Task<bool?> LoadAsync(int id, int position, bool withAnswers, CancellationToken cancellationToken)
    {
        var attempt = withAnswers
            ? await examiner.FindAsync(id, User.UserId()!, cancellationToken)
            : await examiner.FindWithoutAnswersAsync(id, User.UserId()!, cancellationToken);
        if (attempt is null)
        {
            return null;
        }

        Attempt = attempt;
        var names = Examiner.QuestionNames(attempt);
        Count = names.Count;
        if (attempt.SubmittedUtc is not null)
        {
            return false;
        }

        if (position < 1 || position > Count)
        {
            return null;
        }

        Position = position;
        Question = (await banks.LoadAsync(attempt.Bank, Cultures.Current, cancellationToken))[names[position - 1]];
        var shuffled = Examiner.ChoiceOrders(attempt)[position - 1];
        // Attempts started before matching items were shuffled (and true/false, never shuffled) show the author's order.
        Order = shuffled.Length > 0 ? shuffled : Enumerable.Range(0, Question.Type switch
        {
            QuestionType.Matching => Question.Pairs.Count,
            QuestionType.Ordering => Question.Order.Count,
            _ => Question.Choices.Count,
        }).ToArray();
        if (Question.Type == QuestionType.Matching)
        {
            // A distractor only adds its match to the choices: it is no item to match.
            Order = Order.Where(i => i < Question.Pairs.Count && Question.Pairs[i].Item.Length > 0).ToArray();
        }

        Answered = attempt.Answers.Count;
        Saved = attempt.Answers.FirstOrDefault(a => a.Position == position - 1) is { } answer ? JsonSerializer.Deserialize<Response>(answer.Response, QuestionBanks.Json) : null;
        return true;
    }
}
