using System.Text;

namespace Learning.Tests.Infrastructure;

/// <summary>
/// A small content folder, in the format of content/README.md, that a test hands to its
/// <see cref="LearningApp"/>: tests of the mechanics (imports, exports, editors, lists, counts, pages) know
/// every item they count, and an editorial change to the shipped content/ cannot break them. It holds three
/// practices, a tutorial, the four MOOC parts with the self-assessment and the four validation banks, each in
/// the six cultures; a test adds or replaces files with <see cref="With"/>.
/// </summary>
public sealed class TestContent
{
    public static readonly string[] Cultures = ["fr", "en", "es", "ca", "it", "hu"];

    /// <summary>The practices' sets; the first has the tutorial.</summary>
    public static readonly string[] Practices = ["job-desk", "digital-check", "partners-day"];

    public const string TutorialSet = "job-desk";

    public const int Parts = 4;

    /// <summary>Questions in each validation bank, of every type GIFT writes.</summary>
    public const int BankQuestions = 12;

    private static readonly Dictionary<string, Dictionary<string, string>> Titles = new()
    {
        ["job-desk"] = new() { ["fr"] = "Guichet emploi de quartier", ["en"] = "Neighbourhood job desk", ["es"] = "Ventanilla de empleo del barrio", ["ca"] = "Finestreta d'ocupació del barri", ["it"] = "Sportello lavoro di quartiere", ["hu"] = "Kerületi állásponthely" },
        ["digital-check"] = new() { ["fr"] = "Diagnostic numérique", ["en"] = "Digital skills check", ["es"] = "Diagnóstico digital", ["ca"] = "Diagnòstic digital", ["it"] = "Diagnosi digitale", ["hu"] = "Digitális készségfelmérő" },
        ["partners-day"] = new() { ["fr"] = "Journée des partenaires", ["en"] = "Partners' day", ["es"] = "Jornada de los socios", ["ca"] = "Jornada dels socis", ["it"] = "Giornata dei partner", ["hu"] = "Partnerek napja" },
    };

    /// <summary>Words a reader searches for, with the accents the search must ignore.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Descriptions = new()
    {
        ["digital-check"] = new() { ["fr"] = "Un diagnostic numérique pour chaque personne accueillie." },
        ["partners-day"] = new() { ["hu"] = "Egy nap a munkanélküli álláskeresőket kísérő partnereknek." },
    };

    private static readonly Dictionary<string, string[]> Headings = new()
    {
        ["fr"] = ["Description", "Mise en œuvre", "Étapes", "Ressources nécessaires", "Partenaires", "Résultats et chiffres", "Conseils de transférabilité"],
        ["en"] = ["Description", "Implementation", "Steps", "Resources needed", "Partners", "Results and figures", "Transferability tips"],
        ["es"] = ["Descripción", "Puesta en práctica", "Pasos", "Recursos necesarios", "Socios", "Resultados y cifras", "Consejos de transferibilidad"],
        ["ca"] = ["Descripció", "Posada en pràctica", "Passos", "Recursos necessaris", "Socis", "Resultats i xifres", "Consells de transferibilitat"],
        ["it"] = ["Descrizione", "Attuazione", "Fasi", "Risorse necessarie", "Partner", "Risultati e dati", "Consigli per il trasferimento"],
        ["hu"] = ["Leírás", "Megvalósítás", "Lépések", "Szükséges erőforrások", "Partnerek", "Eredmények és számadatok", "Tanácsok az átvételhez"],
    };

    private static readonly Dictionary<string, (string Themes, string Publics, string Actions, string Related)> Facets = new()
    {
        ["job-desk"] = ("guidance, networking", "jobseekers", "information-desk", "digital-check"),
        ["digital-check"] = ("digital-inclusion", "digitally-excluded, jobseekers", "individual-support", ""),
        ["partners-day"] = ("networking, employer-engagement", "professionals", "event", "job-desk"),
    };

    private static readonly string[] PartTitles = ["Who is far from work", "Reach people where they are", "Support step by step", "Meet employers"];

    private readonly SortedDictionary<string, string> files = new(StringComparer.Ordinal);

    private TestContent()
    {
    }

    public IReadOnlyDictionary<string, string> Files => files;

    /// <summary>The practices, the tutorial, the course (with <paramref name="activitiesPerPart"/> activities in each
    /// part, of every kind in turn) and the banks.</summary>
    public static TestContent Small(int activitiesPerPart = 6)
    {
        var content = new TestContent();
        foreach (var culture in Cultures)
        {
            foreach (var set in Practices)
            {
                content.With($"toolbox/{set}/{culture}.md", Practice(set, culture));
            }

            content.With($"toolbox/{TutorialSet}/tutorial.{culture}.md", Tutorial(culture));
            for (var part = 1; part <= Parts; part++)
            {
                content.With($"mooc/part-{part}/part.{culture}.md", Part(part, culture, activitiesPerPart));
                content.With($"mooc/part-{part}/validation.{culture}.gift", Bank(part, culture));
            }

            content.With($"mooc/self-assessment/part.{culture}.md", Part(null, culture, 2));
        }

        return content;
    }

    /// <summary>Only the given files: a folder for a test that brings its own.</summary>
    public static TestContent Only(params (string Path, string Text)[] files)
    {
        var content = new TestContent();
        foreach (var (path, text) in files)
        {
            content.With(path, text);
        }

        return content;
    }

    public TestContent With(string path, string text)
    {
        files[path] = text;
        return this;
    }

    public void WriteTo(string folder)
    {
        foreach (var (path, text) in files)
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text, new UTF8Encoding(false));
        }
    }

    public static string Slug(string set, string culture) => $"{set}-{culture}";

    public static string Title(string set, string culture) => Titles[set][culture];

    public static string TutorialSlug(string culture) => $"how-the-job-desk-was-built-{culture}";

    public static string PartTitle(int part, string culture) => $"{PartTitles[part - 1]} ({culture})";

    /// <summary>The text of the first subtitle of the tutorial's video in a culture.</summary>
    public static string FirstCue(string culture) => $"Welcome to the job desk ({culture}).";

    /// <summary>A practice file of the fixture's kind; <paramref name="set"/> need not be one of <see cref="Practices"/>.</summary>
    public static string Practice(string set, string culture)
    {
        var title = Titles.TryGetValue(set, out var titles) ? titles[culture] : $"Practice {set} ({culture})";
        var (themes, publics, actions, related) = Facets.GetValueOrDefault(set, ("mentoring", "jobseekers", "workshop", ""));
        var description = Descriptions.GetValueOrDefault(set)?.GetValueOrDefault(culture) ?? $"{title}: what it is and for whom ({culture}).";
        var h = Headings[culture];
        return $"""
            ---
            type: practice
            set: {set}
            culture: {culture}
            slug: {Slug(set, culture)}
            title: {Q(title)}
            summary: {Q($"{title}, a practice of the fixture, in {culture}.")}
            organisations: [Maison de l'emploi]
            country: BE
            place: {Q($"Bruxelles ({culture})")}
            period: "2024"
            target_publics: [{publics}]
            themes: [{themes}]
            action_types: [{actions}]
            {(related.Length > 0 ? $"related: [{related}]\n" : "")}status: published
            ---

            ## {h[0]}
            {description}

            ## {h[1]}
            ### {h[2]}
            1. {title} ({culture}), step one.
            ### {h[3]}
            - A room ({culture}).
            ### {h[4]}
            - Maison de l'emploi.

            ## {h[5]}
            Forty people in 2024 ({culture}).

            ## {h[6]}
            Start small ({culture}).

            """.Replace("\r\n", "\n");
    }

    /// <summary>The tutorial of <see cref="TutorialSet"/> in a culture.</summary>
    public static string Tutorial(string culture) => $"""
        ---
        type: tutorial
        set: {TutorialSet}
        culture: {culture}
        slug: {TutorialSlug(culture)}
        title: {Q($"How the job desk was built ({culture})")}
        summary: {Q($"The desk's people, steps and partners ({culture}).")}
        mind_map:
          centre: {Q($"Job desk ({culture})")}
          branches:
            - label: {Q($"Who it is for ({culture})")}
              leaves: [{Q($"Jobseekers ({culture})")}, {Q($"Young people ({culture})")}]
            - label: {Q($"What it offers ({culture})")}
              leaves: [{Q($"Advice ({culture})")}, {Q($"Job offers ({culture})")}]
            - label: {Q($"Who runs it ({culture})")}
              leaves: [{Q($"The city ({culture})")}]
        timeline:
          - when: "2020"
            title: {Q($"First pilot ({culture})")}
            what: {Q($"A desk opens one day a week ({culture}).")}
            who: {Q($"The city ({culture})")}
          - when: "2022"
            title: {Q($"Every day ({culture})")}
            what: {Q($"The desk opens every day ({culture}).")}
            who: {Q($"The desk ({culture})")}
          - when: "2024"
            title: {Q($"A second desk ({culture})")}
            what: {Q($"Another district follows ({culture}).")}
            who: {Q($"The partners ({culture})")}
        actors:
          - id: city
            name: {Q($"The city ({culture})")}
            role: funds
            does: {Q($"Pays for the desk ({culture}).")}
          - id: desk
            name: {Q($"The job desk ({culture})")}
            role: delivers
            does: {Q($"Welcomes people ({culture}).")}
          - id: people
            name: {Q($"Jobseekers ({culture})")}
            role: reached
            does: {Q($"Come with their questions ({culture}).")}
        links:
          - from: city
            to: desk
            label: {Q($"funds ({culture})")}
          - from: desk
            to: people
            label: {Q($"welcomes ({culture})")}
        testimonials:
          - quote: {Q($"I found my way here ({culture}).")}
            who: {Q($"A jobseeker ({culture})")}
            illustrative: true
        videos:
          - title: {Q($"The desk in one minute ({culture})")}
            file: /videos/spoc-skills-validation.{culture}.webm
            cues:
              - {Cue("00:00:00.000", "00:00:05.000", FirstCue(culture))}
              - {Cue("00:00:05.000", "00:00:09.000", $"Anyone may come ({culture}).")}
        status: published
        ---

        How the desk was built ({culture}).

        """.Replace("\r\n", "\n");

    /// <summary>A part of the course (<paramref name="part"/> 1 to 4) or the self-assessment (null).</summary>
    public static string Part(int? part, string culture, int activities)
    {
        var set = part is { } n ? $"part-{n}" : "self-assessment";
        var prefix = part is { } p ? $"p{p}" : "s";
        var title = part is { } number ? PartTitle(number, culture) : $"Assess your learning ({culture})";
        var text = new StringBuilder();
        text.Append($"""
            ---
            type: mooc-part
            set: {set}
            culture: {culture}
            slug: {set}-{culture}
            title: {Q(title)}
            summary: {Q($"{title}, a part of the fixture's course.")}
            objectives:
              - {Q($"Name the barriers ({culture}).")}
              - {Q($"Choose a service ({culture}).")}
              - {Q($"Plan a next step ({culture}).")}
            video:
              title: {Q($"Why this part ({culture})")}
              file: /videos/mooc-{set}.{culture}.webm
              cues:
                - {Cue("00:00:00.000", "00:00:04.000", $"This part starts here ({culture}).")}
                - {Cue("00:00:04.000", "00:00:08.000", $"Take your time ({culture}).")}
            videos:
              - title: {Q($"A closer look ({culture})")}
                cues:
                  - {Cue("00:00:00.000", "00:00:03.000", $"A second look at {set} ({culture}).")}

            """);
        if (part is not null)
        {
            text.Append($"""
                positioning:
                  - {Q($"I can name the barriers of {set} ({culture}).")}
                  - {Q($"I can choose a service for {set} ({culture}).")}

                """);
        }

        text.Append("activities:\n");
        for (var i = 0; i < activities; i++)
        {
            text.Append(Activity($"{prefix}-a{i + 1:00}", part is null ? 0 : i % 6, culture));
        }

        text.Append($"""
            documents:
              legislation:
                - {Map(("title", Q($"A decree ({culture})")), ("note", Q($"What it says ({culture}).")), ("url", Q("https://example.org/decree")))}
              services:
                - {Map(("title", Q($"A service ({culture})")), ("note", Q($"What it does ({culture}).")))}
              practices: [{Practices[0]}]
            status: published
            ---

            What {set} is about ({culture}).

            """);
        return text.ToString().Replace("\r\n", "\n");
    }

    /// <summary>An activity of each kind in turn: a single-answer quiz, a select-all quiz, a case, a story, a recipe
    /// card and a quiz of two questions.</summary>
    private static string Activity(string id, int kind, string culture)
    {
        string Choices(string indent, params bool[] correct) => string.Concat(correct.Select((right, i) =>
            $"{indent}- {{ text: {Q($"Answer {i + 1} ({culture})")}, correct: {(right ? "true" : "false")}, feedback: {Q($"{(right ? "Yes" : "No")}, answer {i + 1} ({culture}).")} }}\n"));

        string Question(string prompt, params bool[] correct) =>
            $"      - prompt: {Q($"{prompt} ({culture})")}\n        choices:\n{Choices("          ", correct)}";

        string Head(string kind) => $"  - id: {id}\n    kind: {kind}\n    title: {Q($"Activity {id} ({culture})")}\n    intro: {Q($"What {id} is about ({culture}).")}\n";
        return kind switch
        {
            0 => Head("quiz") + "    questions:\n" + Question("Which one is right?", true, false, false),
            1 => Head("quiz") + "    questions:\n" + Question("Which ones are right? (select all that apply)", true, false, true),
            2 => Head("case") + $"    persona: {{ name: Ahmed, facts: [{Q($"40 years old ({culture})")}, {Q($"Lives alone ({culture})")}] }}\n    questions:\n" + Question("What does Ahmed need first?", false, true),
            3 => Head("story") + "    panels:\n" + string.Concat(Enumerable.Range(1, 3).Select(n =>
                $"      - scene: {Q($"Scene {n} ({culture})")}\n        text: {Q($"What happens at step {n} ({culture}).")}\n        question: {{ prompt: {Q($"What do you do at step {n}? ({culture})")}, choices: [ {{ text: {Q($"Listen ({culture})")}, correct: true, feedback: {Q($"It helps ({culture}).")} }}, {{ text: {Q($"Hurry ({culture})")}, correct: false, feedback: {Q($"It does not ({culture}).")} }} ] }}\n")),
            4 => Head("recipe") + $"    practice: {Practices[0]}\n    ingredients: [{Q($"A room ({culture})")}, {Q($"Two hours ({culture})")}]\n    steps: [{Q($"Invite ({culture})")}, {Q($"Meet ({culture})")}, {Q($"Follow up ({culture})")}]\n    tip: {Q($"Start small ({culture}).")}\n",
            _ => Head("quiz") + "    questions:\n" + Question("First question", false, true) + Question("Second question", true, false, false),
        };
    }

    /// <summary>A glossary of four services (content/glossary/brussels-services/glossary.&lt;culture&gt;.md).</summary>
    public static string Glossary(string culture) => $"""
        ---
        type: glossary
        set: brussels-services
        culture: {culture}
        slug: services-{culture}
        title: "Services ({culture})"
        summary: "The services of the fixture ({culture})."
        entries:
          - id: actiris
            name: Actiris
            does: "The public employment service: it places jobseekers ({culture})."
            url: https://www.actiris.brussels
            also: [Forem]
          - id: cpas
            name: CPAS
            full_name: Centre public d'action sociale
            does: "Pays the social integration income ({culture})."
          - id: missions-locales
            name: Missions Locales
            does: "Welcome and guide jobseekers ({culture})."
            also: [Mission Locale]
          - id: one
            name: ONE
            does: "Help for early childhood ({culture})."
        status: published
        ---

        Where these entries come from ({culture}).

        """.Replace("\r\n", "\n");

    /// <summary>A part's validation bank: <see cref="BankQuestions"/> questions of every type GIFT writes, the same
    /// names, answers and weights in every culture.</summary>
    public static string Bank(int part, string culture)
    {
        var p = $"p{part}";
        var questions = new List<string>
        {
            $"::{p}-q01:: Which service registers jobseekers ({culture})? {{=Actiris#Right ({culture}). ~Forem#Wallonia ({culture}). ~CPAS#Social aid ({culture}).}}",
            $"::{p}-q02:: Which barriers did the persona face ({culture})? (select all that apply) {{~%50%Housing ({culture}) ~%50%Language ({culture}) ~%-100%None ({culture})}}",
            $"::{p}-q03:: Outreach means going where people are ({culture}). {{TRUE#It does ({culture}).#Right ({culture}).}}",
            $"::{p}-q04:: Match each service with its field ({culture}). {{=Actiris -> employment ({culture}) =Bruxelles Formation -> training ({culture}) =CPAS -> social aid ({culture})}}",
            $"::{p}-q05:: How many years did Ahmed spend in detention ({culture})? {{#19:0}}",
            $"::{p}-q06:: What does VDC stand for ({culture})? {{=validation des compétences =VDC}}",
        };
        for (var i = questions.Count + 1; i <= BankQuestions; i++)
        {
            questions.Add($"::{p}-q{i:00}:: Question {i} of part {part} ({culture})? {{=Right {i} ({culture}) ~Wrong {i} ({culture}) ~Other {i} ({culture})}}");
        }

        return $"// Part {part} validation test of the test fixture – {culture}\n$CATEGORY: mooc/part-{part}/validation\n\n" + string.Join("\n\n", questions) + "\n";
    }

    private static string Cue(string start, string end, string text) => Map(("start", Q(start)), ("end", Q(end)), ("text", Q(text)));

    /// <summary>A YAML flow mapping of values already written as YAML.</summary>
    private static string Map(params (string Key, string Value)[] pairs) => "{ " + string.Join(", ", pairs.Select(p => $"{p.Key}: {p.Value}")) + " }";

    /// <summary>A YAML double-quoted scalar.</summary>
    private static string Q(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
