using System.Globalization;
using Learning.Modules.Reporting.Tables;
using Microsoft.Extensions.Localization;

namespace Learning.Tests.Reporting;

/// <summary>The Reporting strings of one culture as a localizer, as a page's S would answer in that culture.</summary>
internal sealed class ReportStrings(CultureInfo culture) : IStringLocalizer
{
    public static ReportStrings In(string culture) => new(CultureInfo.GetCultureInfo(culture));

    public LocalizedString this[string name] => new(name, CellFormat.Text(name, culture));

    public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(culture, CellFormat.Text(name, culture), arguments));

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
