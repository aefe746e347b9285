using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Accounts;

/// <summary>Identity's messages in the reader's language, for the rules this platform uses.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<AccountsStrings> S) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), S["Something went wrong. Please try again."]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), S["Someone else changed this account at the same time. Please try again."]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), S["The password is incorrect."]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), S["This link is invalid or has expired. Ask for a new one."]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), S["The e-mail address is not valid."]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), S["The e-mail address is not valid."]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), S["An account already uses this e-mail address."]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), S["An account already uses this e-mail address."]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), S["The password must be at least {0} characters long.", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), S["The password must use at least {0} different characters.", uniqueChars]);
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), S["The person already has this role."]);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), S["The person does not have this role."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
