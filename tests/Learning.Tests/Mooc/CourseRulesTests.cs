using Learning.Modules.Content;
using Learning.Modules.Mooc;

namespace Learning.Tests.Mooc;

/// <summary>The rules of formative answers, "continue", and what a part file must hold.</summary>
public sealed class CourseRulesTests
{
    private static readonly FormativeQuestion OneRight = new("?", [new("a", true, ""), new("b", false, ""), new("c", false, "")]);

    private static readonly FormativeQuestion TwoRight = new("?", [new("a", true, ""), new("b", false, ""), new("c", true, "")]);

    [Theory]
    [InlineData(new[] { 0 }, true)]
    [InlineData(new[] { 1 }, false)]
    [InlineData(new int[0], false)]
    public void A_single_answer_question_is_right_with_its_right_choice_only(int[] ticked, bool right) =>
        Assert.Equal(right, OneRight.IsRight(ticked.ToHashSet()));

    [Theory]
    [InlineData(new[] { 0, 2 }, true)]
    [InlineData(new[] { 0 }, false)]        // one missing
    [InlineData(new[] { 0, 1, 2 }, false)]  // everything ticked
    [InlineData(new[] { 1 }, false)]
    public void A_select_all_question_is_right_with_exactly_its_right_choices(int[] ticked, bool right)
    {
        Assert.True(TwoRight.Multiple);
        Assert.Equal(right, TwoRight.IsRight(ticked.ToHashSet()));
    }

    [Fact]
    public void Continue_leads_to_the_last_activity_opened_then_the_next_not_done_then_the_first_test_not_passed()
    {
        var parts = new[] { Part("part-1", "p1-a01", "p1-a02", "p1-a03"), Part("part-2", "p2-a01") };
        var enrolment = new Enrolment { LastPart = "part-1", LastActivity = "p1-a02" };

        Assert.Equal("p1-a02", NextActivity(parts, enrolment, []));
        Assert.Equal("p1-a03", NextActivity(parts, enrolment, ["p1-a02"]));
        Assert.Equal("p2-a01", NextActivity(parts, enrolment, ["p1-a02", "p1-a03"]));
        Assert.Equal("p1-a01", NextActivity(parts, enrolment, ["p1-a02", "p1-a03", "p2-a01"])); // back to the one skipped

        var allDone = new Learner(enrolment, new HashSet<string> { "p1-a01", "p1-a02", "p1-a03", "p2-a01" }, new Dictionary<string, Learning.Modules.Assessment.Contracts.TestStanding>
        {
            ["mooc/part-1/validation"] = new(true, 2),
        });
        var next = CourseProgress.Next(CourseProgress.Standings(allDone, parts), allDone);
        Assert.Equal(("part-2", (Activity?)null), (next!.Value.Part.SetId, next.Value.Activity));

        var finished = allDone with { Tests = new Dictionary<string, Learning.Modules.Assessment.Contracts.TestStanding> { ["mooc/part-1/validation"] = new(true, 1), ["mooc/part-2/validation"] = new(true, 1) } };
        Assert.Null(CourseProgress.Next(CourseProgress.Standings(finished, parts), finished));
    }

    [Theory]
    [InlineData("kind: crossword", "the kind must be one of")]
    [InlineData("kind: story", "a story, and only a story, has 3 to 6 panels")]
    [InlineData("persona: null", "a case, and only a case, has a persona")]
    [InlineData("correct: true", "at least one correct")]
    [InlineData("url: javascript:alert(1)", "must start with https://")]
    [InlineData("file: https://elsewhere.example/video.webm", "must be an address on this site")]
    [InlineData("videos: four", "at most 3 further videos")]
    [InlineData("videos: untitled", "each with a title and cues")]
    [InlineData("videos: elsewhere", "The video file '//elsewhere.example/more.webm' must be an address on this site")]
    public void A_broken_part_is_refused_with_what_is_wrong(string breakage, string message)
    {
        static string Further(string title, string file) =>
            $"  - title: {title}\n    file: {file}\n    cues:\n      - {{ start: \"00:00:00.000\", end: \"00:00:05.000\", text: \"More.\" }}\n";
        var videos = breakage switch
        {
            "videos: four" => "videos:\n" + string.Concat(Enumerable.Range(1, 4).Select(n => Further($"More {n}", $"/videos/more-{n}.en.webm"))),
            "videos: untitled" => "videos:\n" + Further("\"\"", "/videos/more.en.webm"),
            "videos: elsewhere" => "videos:\n" + Further("More", "//elsewhere.example/more.webm"),
            _ => "",
        };
        var yaml = $"""
            ---
            type: mooc-part
            set: part-1
            culture: en
            slug: broken
            title: Broken
            summary: A part that breaks one rule.
            objectives: [One]
            video:
              title: Intro
              file: {(breakage.StartsWith("file:") ? breakage[6..] : "/videos/intro.webm")}
              cues:
                - {"{"} start: "00:00:00.000", end: "00:00:05.000", text: "Hello." {"}"}
            {videos}activities:
              - id: p1-a01
                {(breakage.StartsWith("kind:") ? breakage : "kind: case")}
                title: A case
                intro: Someone.
                persona: {(breakage.StartsWith("persona:") ? "" : "{ name: Ahmed, facts: [40 years old] }")}
                questions:
                  - prompt: What first?
                    choices:
                      - {"{"} text: Housing, correct: {(breakage == "correct: true" ? "false" : "true")}, feedback: Yes. {"}"}
                      - {"{"} text: A course, correct: false, feedback: Not yet. {"}"}
            documents:
              legislation:
                - {"{"} title: A law, note: What it says., url: "{(breakage.StartsWith("url:") ? breakage[5..] : "https://example.org")}" {"}"}
            status: published
            ---
            Body.
            """;
        var errors = new List<ContentImportError>();
        var file = ContentFile.Parse("mooc/part-1/part.en.md", yaml, errors);
        Assert.NotNull(file);
        new MoocPartType().Validate(file, errors);
        Assert.Contains(errors, e => e.Message.Contains(message, StringComparison.Ordinal) && e.Line > 1);
    }

    private static string? NextActivity(IReadOnlyList<CoursePart> parts, Enrolment enrolment, string[] completed)
    {
        var learner = new Learner(enrolment, completed.ToHashSet(), new Dictionary<string, Learning.Modules.Assessment.Contracts.TestStanding>());
        return CourseProgress.Next(CourseProgress.Standings(learner, parts), learner)?.Activity?.Id;
    }

    private static CoursePart Part(string set, params string[] activities) => new(set, "en", set, set, "", "",
        new MoocPart([], new Video("", null, []), [], [], activities.Select(id => new Activity(id, "quiz", id, "", null, [], [], [], null, null, [OneRight])).ToList(), new DocumentBank([], [], [])));
}
