using System.Net;

namespace Learning.Tests.Infrastructure;

public static class AccountSteps
{
    /// <summary>Logs in through the login form; <paramref name="basePath"/> is the tenant prefix and culture, e.g. "/north/en".</summary>
    public static async Task<HttpResponseMessage> LogInAsync(this HttpClient client, string email, string password = LearningApp.Password, string basePath = "/en")
    {
        var page = await client.GetPageAsync($"{basePath}/account/login");
        return await client.SubmitAsync(page, "main form", ("Email", email), ("Password", password));
    }

    public static async Task LogInSuccessfullyAsync(this HttpClient client, string email, string password = LearningApp.Password, string basePath = "/en")
    {
        using var response = await client.LogInAsync(email, password, basePath);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Login of {email} failed: {(int)response.StatusCode}");
    }
}
