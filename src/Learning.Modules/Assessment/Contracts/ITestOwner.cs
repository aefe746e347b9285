namespace Learning.Modules.Assessment.Contracts;

/// <summary>A module that gives tests to its learners (the MOOC, for each part): it names its banks' tests in
/// the reader's language and says which page leads back, so that the attempt pages know no course.</summary>
public interface ITestOwner
{
    /// <summary>The test of a bank, or null when the bank is not this module's.</summary>
    TestPlace? Describe(string bank);
}
