namespace Learning.Modules.Assessment.Contracts;

/// <summary>Whether a person may start a new attempt: refused when they used every attempt allowed, or must
/// wait until <see cref="NextStartUtc"/>.</summary>
public sealed record TestAvailability(bool NoAttemptsLeft, DateTime? NextStartUtc)
{
    public bool Open => !NoAttemptsLeft && NextStartUtc is null;
}
