using Learning.Modules.Core;
using Microsoft.Extensions.Options;

namespace Learning.Modules.Accounts.Contracts;

/// <summary>How long the retention job keeps what it deletes, as the privacy notice states it (read from the settings).</summary>
public sealed class RetentionDelays(IOptions<AccountsOptions> accounts, IOptions<LearningOptions> learning)
{
    /// <summary>Days after which an account whose address was never confirmed is deleted.</summary>
    public int UnconfirmedAccountDays => accounts.Value.DeleteUnconfirmedAfterDays;

    /// <summary>Days an e-mail is kept in the outbox once sent.</summary>
    public int SentEmailDays => learning.Value.Email.KeepSentDays;
}
