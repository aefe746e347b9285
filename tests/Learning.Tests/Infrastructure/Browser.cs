using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;

namespace Learning.Tests.Infrastructure;

/// <summary>Reads pages and posts their forms the way a browser does: every field of the form,
/// the anti-forgery token included, with the values a person would type.</summary>
public static class Browser
{
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {expected}, got {(int)response.StatusCode} {response.Headers.Location}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return (IHtmlDocument)await context.OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    /// <summary>Submits the form matched by <paramref name="formSelector"/>, replacing the named fields' values.
    /// A ("handler", name) pair stands for the button of that page handler (its formaction).</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string formSelector, params (string Name, string Value)[] values)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                case IHtmlInputElement { Type: "submit" or "button" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }

        var handler = values.Where(v => v.Name == "handler").Select(v => v.Value).LastOrDefault();
        values = values.Where(v => v.Name != "handler").ToArray();
        foreach (var name in values.Select(v => v.Name).Distinct())
        {
            fields.RemoveAll(f => f.Key == name);
        }

        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : form.Action;
        if (handler is not null)
        {
            var uri = new UriBuilder(action) { Query = "handler=" + Uri.EscapeDataString(handler) };
            action = uri.Uri.ToString();
        }

        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Submits a form and follows the redirect that answers it, returning the page shown.</summary>
    public static async Task<IHtmlDocument> SubmitAndFollowAsync(this HttpClient client, IHtmlDocument page, string formSelector, params (string Name, string Value)[] values)
    {
        using var response = await client.SubmitAsync(page, formSelector, values);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return await client.GetPageAsync(response.Headers.Location!.ToString());
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    public static string Text(this IHtmlDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"No '{selector}' on {page.Url}.");
}
