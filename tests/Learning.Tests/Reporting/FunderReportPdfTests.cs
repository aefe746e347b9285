using System.Diagnostics;
using Learning.Modules.Reporting.Charts;
using Learning.Modules.Reporting.FunderReport;
using Learning.Modules.Reporting.Tables;

namespace Learning.Tests.Reporting;

/// <summary>
/// The funder's PDF read back with pdftotext. Objectives as in the partners' 2024 report: 433 people informed
/// for 320 → 433 / 320 = 135.3125 → 135.3 %; 289 accompanied for 200 → 144.5 %; 14 structures for 20 → 70.0 %;
/// 85 % of the feedback acted on for 80 % → 106.25 → 106.3 %; 3 certificates → "&lt; 5", and so is their share.
/// </summary>
public sealed class FunderReportPdfTests
{
    private static FunderReportContent Report(string culture, string title, IReadOnlyList<ReportSection>? sections = null) => new(
        culture,
        title,
        "Mission locale de Schaerbeek",
        "2024",
        "5/12/2026",
        [
            new ObjectiveRow("Structures", 20, 14, "structures"),
            new ObjectiveRow("Informées", 320, 433, "personnes", AboutPeople: true),
            new ObjectiveRow("Accompagnées", 200, 289, "personnes", AboutPeople: true),
            new ObjectiveRow("Retours exploités", 80, 85, "%"),
            new ObjectiveRow("Certificats", 10, 3, "certificats", AboutPeople: true),
        ],
        sections ??
        [
            new ReportSection("Achèvement par partie", "Part des inscrits qui ont fini chaque partie.", new ReportTable("completion", "Achèvement", "Par partie.", ["Partie", "Achèvement"],
                [[Cell.Of("Partie 1"), Cell.Percent(81.3m)], [Cell.Of("Partie 2"), Cell.Percent(null, suppressed: true)]]), ChartKind.Bars),
            new ReportSection("Inscriptions par mois", null, new ReportTable("registrations", "Inscriptions", "", ["Mois", "Inscriptions"],
                [[Cell.Of("Octobre"), Cell.People(27)], [Cell.Of("Novembre"), Cell.People(2)]]), ChartKind.OverTime),
        ]);

    [Theory]
    [InlineData(20, 14, 70.0)]
    [InlineData(320, 433, 135.3)]
    [InlineData(200, 289, 144.5)]
    [InlineData(80, 85, 106.3)]
    [InlineData(3, 1, 33.3)]
    public void The_share_of_an_objective_is_the_achievement_over_the_objective_in_percent(int objective, int achieved, double percent) =>
        Assert.Equal((decimal)percent, new ObjectiveRow("x", objective, achieved, "").PercentOfObjective);

    [Fact]
    public void An_objective_of_zero_or_none_has_no_share_and_a_hidden_achievement_hides_its_share()
    {
        Assert.Null(new ObjectiveRow("x", 0, 5, "").PercentOfObjective);
        Assert.Null(new ObjectiveRow("x", null, 5, "").PercentOfObjective);
        var hidden = new ObjectiveRow("x", 10, 3, "", AboutPeople: true);
        Assert.Null(hidden.PercentOfObjective);
        Assert.True(hidden.AchievedCell.Suppressed);
        Assert.True(hidden.PercentOfObjectiveCell.Suppressed);
        Assert.False(new ObjectiveRow("x", 10, 0, "", AboutPeople: true).AchievedCell.Suppressed);
    }

    [Fact]
    public void The_french_report_shows_objectives_achievements_and_their_share_in_french()
    {
        var text = PdfText(FunderReportPdf.Render(Report("fr", "Rapport d'activité 2024")));
        Assert.Contains("Rapport d'activité 2024", text);
        Assert.Contains("Mission locale de Schaerbeek", text);
        // pdftotext -raw gives a table's row on one line: indicator, objective, achieved, % of objective.
        Assert.Contains("Objectifs et réalisations\nIndicateur Objectif Réalisé % de l'objectif\n", text);
        Assert.Contains("\nStructures (structures) 20 14 70,0 %\n", text);
        Assert.Contains("\nInformées (personnes) 320 433 135,3 %\n", text);
        Assert.Contains("\nAccompagnées (personnes) 200 289 144,5 %\n", text);
        Assert.Contains("\nRetours exploités 80,0 % 85,0 % 106,3 %\n", text);
        Assert.Contains("\nCertificats (certificats) 10 < 5 < 5\n", text);
        // The progress chart says the same.
        Assert.Contains("\n14 / 20 · 70,0 %\n", text);
        Assert.Contains("\n< 5 / 10 · < 5\n", text);
        Assert.DoesNotContain("30,0 %", text);
        // A section: heading, text, chart labels, table.
        Assert.Contains("Achèvement par partie\nPart des inscrits qui ont fini chaque partie.", text);
        Assert.Contains("\nPartie Achèvement\nPartie 1 81,3 %\nPartie 2 < 5\n", text);
        Assert.Contains("\nMois Inscriptions\nOctobre 27\nNovembre < 5\n", text);
        var pages = text.Split('\f').Where(p => p.Trim().Length > 0).ToList();
        Assert.All(pages.Select((page, i) => (page, i)), p => Assert.Contains($"\n{p.i + 1} / {pages.Count}\n", p.page));
    }

    [Fact]
    public void The_hungarian_report_writes_percentages_the_hungarian_way()
    {
        var text = PdfText(FunderReportPdf.Render(Report("hu", "Jelentés 2024")));
        Assert.Contains("Célok és eredmények\nMutató Cél Elért A cél %-a\n", text);
        Assert.Contains("\nStructures (structures) 20 14 70,0%\n", text);
        Assert.Contains("\nInformées (personnes) 320 433 135,3%\n", text);
        Assert.Contains("\nAccompagnées (personnes) 200 289 144,5%\n", text);
        Assert.Contains("\nRetours exploités 80,0% 85,0% 106,3%\n", text);
        Assert.Contains("\nCertificats (certificats) 10 < 5 < 5\n", text);
    }

    [Fact]
    public void A_column_too_small_to_outline_is_drawn_as_a_sliver()
    {
        // A month's 3 certificates beside 9,000 registrations: the second series' outlined column is under 2 points high.
        var months = new ReportTable("months", "Mois", "", ["Mois", "Inscriptions", "Certificats"],
            [[Cell.Of("Octobre"), Cell.People(9000), Cell.People(6)], [Cell.Of("Novembre"), Cell.People(8000), Cell.People(7)]]);
        var report = new FunderReportContent("fr", "Rapport", "Réseau", "2024", "Fait le 1er janvier 2025", [], [new ReportSection("Mois", null, months, ChartKind.OverTime)]);

        var text = PdfText(FunderReportPdf.Render(report));

        Assert.Contains("\nOctobre 9000 6\n", text.Replace("\u202f", "").Replace(" 000", "000"));
    }

    [Fact]
    public void A_table_of_two_hundred_rows_spans_pages_each_with_its_header_row_and_page_number()
    {
        var rows = Enumerable.Range(1, 200).Select(i => (IReadOnlyList<Cell>)[Cell.Of($"Structure n° {i}"), Cell.People(i)]).ToList();
        var section = new ReportSection("Structures atteintes", null, new ReportTable("structures", "Structures", "", ["Structure", "Apprenants"], rows));
        var pages = PdfText(FunderReportPdf.Render(Report("fr", "Rapport", [section]))).Split('\f').Where(p => p.Trim().Length > 0).ToList();

        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        for (var p = 0; p < pages.Count; p++)
        {
            Assert.Contains($"{p + 1} / {pages.Count}", pages[p]);
            Assert.Contains("Mission locale de Schaerbeek", pages[p]);
        }

        var first = pages.FindIndex(p => p.Contains("\nStructure n° 1 < 5\n"));
        var last = pages.FindIndex(p => p.Contains("Structure n° 200"));
        Assert.True(last > first && first >= 0, $"row 1 on page {first + 1}, row 200 on page {last + 1}");
        // Every page that holds rows of the table repeats its header.
        Assert.All(pages.Where(p => p.Contains("Structure n° ")), p => Assert.Contains("\nStructure Apprenants\n", "\n" + p));
        Assert.Contains("\nStructure n° 5 5\n", pages[first]);
        Assert.Contains("\nStructure n° 200 200\n", pages[last]);
    }

    private static string PdfText(byte[] pdf)
    {
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var file = Path.Combine(Path.GetTempPath(), $"funder-{Guid.NewGuid():n}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
