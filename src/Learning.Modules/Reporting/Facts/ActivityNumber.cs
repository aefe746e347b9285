namespace Learning.Modules.Reporting.Facts;

/// <summary>The bit an activity has in learners' <see cref="LearnerFact.TriedActivities"/> and
/// <see cref="LearnerFact.FailedActivities"/>: numbered once, when a learner is first seen trying it, and never
/// renumbered, so that the bits keep their meaning when the course changes.</summary>
public sealed class ActivityNumber
{
    public int Number { get; set; }

    public string ActivityId { get; set; } = "";

    /// <summary>Sets the activity's bit in <paramref name="bits"/>, grown as needed.</summary>
    public static byte[] Set(byte[]? bits, int number)
    {
        var result = bits is null || bits.Length <= number / 8 ? new byte[number / 8 + 1] : bits;
        if (bits is not null && !ReferenceEquals(result, bits))
        {
            bits.CopyTo(result, 0);
        }

        result[number / 8] |= (byte)(1 << (number % 8));
        return result;
    }

    public static bool IsSet(byte[]? bits, int number) => bits is not null && number / 8 < bits.Length && (bits[number / 8] & (1 << (number % 8))) != 0;
}
