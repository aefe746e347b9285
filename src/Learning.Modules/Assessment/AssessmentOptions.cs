using Learning.Modules.Assessment.Contracts;

namespace Learning.Modules.Assessment;

/// <summary>Settings of the "Learning:Assessment" section: tests by bank name.</summary>
public sealed class AssessmentOptions
{
    public Dictionary<string, TestSettings> Tests { get; set; } = [];

    public TestSettings For(string bank) => Tests.GetValueOrDefault(bank) ?? new TestSettings();
}
