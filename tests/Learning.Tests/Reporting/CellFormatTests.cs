using System.Globalization;
using Learning.Modules.Reporting.Tables;

namespace Learning.Tests.Reporting;

public sealed class CellFormatTests
{
    private static string Show(Cell cell, string culture) => CellFormat.Display(cell, CultureInfo.GetCultureInfo(culture), ReportStrings.In(culture));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "< 5")]
    [InlineData(4, "< 5")]
    [InlineData(5, "5")]
    public void A_count_of_one_to_four_learners_shows_fewer_than_five_and_zero_shows_zero(long learners, string shown)
    {
        foreach (var culture in new[] { "en", "fr", "es", "ca", "it", "hu" })
        {
            Assert.Equal(shown, Show(Cell.People(learners), culture));
        }
    }

    [Fact]
    public void A_suppressed_cell_keeps_no_number_to_leak()
    {
        Assert.Null(Cell.People(3).Number);
        Assert.True(Cell.People(3).Suppressed);
        Assert.Null(Cell.Percent(66.7m, suppressed: true).Number);
        Assert.Equal(5m, Cell.People(5).Number);
        Assert.False(Cell.People(0).Suppressed);
    }

    [Theory]
    [InlineData("en", "12.5%")]
    [InlineData("fr", "12,5 %")]
    [InlineData("es", "12,5 %")]
    [InlineData("ca", "12,5 %")]
    [InlineData("it", "12,5%")]
    [InlineData("hu", "12,5%")]
    public void A_percentage_has_one_decimal_and_the_cultures_percent_sign(string culture, string shown) =>
        Assert.Equal(shown, Show(Cell.Percent(12.5m), culture));

    [Fact]
    public void Counts_and_decimals_use_the_cultures_separators_and_no_value_shows_a_dash()
    {
        Assert.Equal("1,158", Show(Cell.Count(1158), "en"));
        Assert.Equal("1\u202F158", Show(Cell.Count(1158), "fr"));
        Assert.Equal("1.158", Show(Cell.Count(1158), "es"));
        Assert.Equal("0.35", Show(Cell.Decimal(0.345m), "en"));
        Assert.Equal("-3,25", Show(Cell.Decimal(-3.25m), "it"));
        Assert.Equal("–", Show(Cell.Empty, "fr"));
        Assert.Equal("–", Show(Cell.Percent(null), "fr"));
        Assert.Equal("< 5", Show(Cell.Percent(80m, suppressed: true), "hu"));
        Assert.Equal("Schaerbeek", Show(Cell.Of("Schaerbeek"), "fr"));
    }

    [Fact]
    public void Data_for_spreadsheets_has_no_digit_grouping_and_no_percent_sign()
    {
        var french = CultureInfo.GetCultureInfo("fr");
        Assert.Equal("1158", CellFormat.Data(Cell.Count(1158), french));
        Assert.Equal("12,5", CellFormat.Data(Cell.Percent(12.5m), french));
        Assert.Equal("12.5", CellFormat.Data(Cell.Percent(12.5m), CultureInfo.GetCultureInfo("en")));
        Assert.Equal("< 5", CellFormat.Data(Cell.People(2), french));
        Assert.Equal("", CellFormat.Data(Cell.Empty, french));
    }
}
