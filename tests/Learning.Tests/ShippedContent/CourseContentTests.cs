using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Mooc;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.ShippedContent;

// Shipped content: these tests read content/mooc itself, so that a mistake in the platform's own course fails here.
/// <summary>The course in content/mooc/: four parts and the self-assessment, complete and alike in the six cultures.</summary>
public sealed class CourseContentTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "content", "mooc");

    private static readonly string[] Sets = ["part-1", "part-2", "part-3", "part-4", "self-assessment"];

    public static TheoryData<string> Parts => [.. Sets];

    [Theory]
    [MemberData(nameof(Parts))]
    public void Each_part_is_valid_in_six_cultures_with_the_same_activities_answers_and_timings(string set)
    {
        var parts = Cultures.All.ToDictionary(c => c, c => Read(set, c));
        var english = parts["en"];

        foreach (var (culture, (part, summary)) in parts)
        {
            Assert.Equal(Skeleton(english.Part), Skeleton(part));
            if (culture != "en")
            {
                var translated = english.Part.Activities.Zip(part.Activities).Count(p => p.First.Title != p.Second.Title);
                Assert.True(translated >= english.Part.Activities.Count * 3 / 4, $"{set}.{culture} looks untranslated: {translated} titles differ from English.");
                Assert.NotEqual(english.Summary, summary);
            }
        }

        var activities = english.Part.Activities;
        if (set == MoocPartType.SelfAssessment)
        {
            Assert.True(activities.Count >= 2);
            return;
        }

        // At least 20 activities in varied formats, a positioning statement or two, a full document bank.
        Assert.True(activities.Count >= 20, $"{set}: {activities.Count} activities.");
        Assert.True(activities.Count(a => a.Kind == "case") >= 3, $"{set}: fewer than 3 case studies.");
        Assert.Contains(activities, a => a.Kind == "story");
        Assert.Contains(activities, a => a.Kind == "recipe");
        Assert.Contains(activities, a => a.Questions.Any(q => q.Multiple));
        Assert.InRange(english.Part.Positioning.Count, 2, 3);
        Assert.NotEmpty(english.Part.Documents.Legislation);
        Assert.NotEmpty(english.Part.Documents.Services);
        Assert.NotEmpty(english.Part.Documents.Practices);
    }

    [Fact]
    public void Every_practice_the_course_names_is_in_the_toolbox()
    {
        var toolbox = Directory.GetDirectories(Path.Combine(Repository.Root, "content", "toolbox")).Select(Path.GetFileName).ToHashSet();
        var named = Sets.Select(set => Read(set, "en").Part)
            .SelectMany(part => part.Activities.Select(a => a.Practice).OfType<string>().Concat(part.Documents.Practices))
            .ToList();

        Assert.NotEmpty(named);
        Assert.All(named, id => Assert.Contains(id, toolbox));
    }

    [Fact]
    public void The_course_holds_at_least_82_formative_activities_per_culture()
    {
        // The project's figure: 492 formative activities across the six languages.
        foreach (var culture in Cultures.All)
        {
            Assert.True(Sets.Sum(set => Read(set, culture).Part.Activities.Count) >= 82, culture);
        }
    }

    /// <summary>The parts of the course in a culture, as the shipped-content tests of the glossary read them.</summary>
    internal static IReadOnlyList<MoocPart> Course(string culture) => Sets.Select(set => Read(set, culture).Part).ToList();

    private static (MoocPart Part, string Summary) Read(string set, string culture)
    {
        var path = Path.Combine(Folder, set, $"part.{culture}.md");
        Assert.True(File.Exists(path), $"Missing {path}");
        var errors = new List<ContentImportError>();
        var file = ContentFile.Parse(path, File.ReadAllText(path), errors);
        Assert.NotNull(file);
        var type = new MoocPartType();
        type.Validate(file, errors);
        Assert.Empty(errors.Select(e => $"{e.File}:{e.Line} {e.Message}"));
        Assert.Equal($"{MoocPartType.TypeName} {set} {culture}", $"{file.Value("type")} {file.Value("set")} {file.Value("culture")}");
        return (MoocPart.From(ContentFields.Parse(ContentFields.ToJson(file, type.FieldKeys))), file.Value("summary")!);
    }

    /// <summary>What is the same in every culture: ids, kinds, numbers of questions and choices, right answers, timings, addresses.</summary>
    private static string Skeleton(MoocPart part) => string.Join('\n', new[]
    {
        $"objectives {part.Objectives.Count}; positioning {part.Positioning.Count}",
    }.Concat(new[] { part.Video }.Concat(part.Videos).Select(v =>
        $"video {(v.File is { } file ? file[..file.LastIndexOf('.', file.Length - ".webm".Length - 1)] : null)} " + // each culture names its own narration: x.<culture>.webm
        string.Join(' ', v.Cues.Select(c => $"{c.Start}-{c.End}")))).Concat(new[]
    {
        $"documents {string.Join(',', part.Documents.Legislation.Select(d => d.Url))} {string.Join(',', part.Documents.Services.Select(d => d.Url + "#" + d.Glossary))} {string.Join(',', part.Documents.Practices)}",
    }.Concat(part.Activities.Select(a =>
        $"{a.Id} {a.Kind} {a.Practice} persona:{a.Persona?.Facts.Count} panels:{string.Join(',', a.Panels.Select(p => p.Picture))} {a.Ingredients.Count}/{a.Steps.Count} " +
        string.Join(' ', a.AllQuestions.Select(q => string.Concat(q.Choices.Select(c => c.Correct ? '1' : '0'))))))));
}
