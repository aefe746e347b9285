namespace Learning.Modules.Assessment.Contracts;

/// <summary>What other modules do once an attempt is graded (the Certificates module issues a certificate
/// when it passes; the Mooc module refreshes the learner's progress).</summary>
public interface ITestSubmittedHandler
{
    Task OnSubmittedAsync(TestSubmitted submitted, CancellationToken cancellationToken);
}
