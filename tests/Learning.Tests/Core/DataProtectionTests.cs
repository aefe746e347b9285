using Learning.Modules.Core;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Core;

public sealed class DataProtectionTests
{
    [Fact]
    public async Task The_stored_keys_hold_no_key_in_clear_and_still_open_what_they_protected_after_a_restart()
    {
        var app = new LearningApp();
        await using var _ = app;
        await app.CreateUserAsync("learner@example.org");
        await app.CreateClient().LogInSuccessfullyAsync("learner@example.org");
        var sealedText = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("kept secret");

        // In the default tenant's database, which every node of the installation reads.
        var keys = await app.WithTenantAsync(sp => Task.FromResult(sp.GetRequiredService<LearningDbContext>().DataProtectionKeys.Select(k => k.Xml).ToList()));
        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.DoesNotContain("<masterKey", key);
            Assert.Contains("<encryptedSecret", key);
        });

        await using var restarted = await app.RestartAsync();
        Assert.Equal("kept secret", restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedText));
    }
}
