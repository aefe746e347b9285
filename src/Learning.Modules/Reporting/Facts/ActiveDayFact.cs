namespace Learning.Modules.Reporting.Facts;

/// <summary>A day on which a learner did something, with its week (Monday) and month, so that active learners
/// of any period are counted in the database.</summary>
public sealed class ActiveDayFact
{
    public string UserId { get; set; } = "";

    public DateTime Day { get; set; }

    public DateTime Week { get; set; }

    public DateTime Month { get; set; }

    public static ActiveDayFact On(string userId, DateTime utc)
    {
        var day = utc.Date;
        return new ActiveDayFact { UserId = userId, Day = day, Week = WeekOf(day), Month = new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc) };
    }

    /// <summary>The Monday of the day's ISO week.</summary>
    public static DateTime WeekOf(DateTime day) => day.Date.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
