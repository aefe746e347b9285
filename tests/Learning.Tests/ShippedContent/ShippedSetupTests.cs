using Learning.Modules.Assessment;
using Learning.Modules.Assessment.Formats;
using Learning.Modules.Content;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.ShippedContent;

// Shipped content: the first start of a site imports content/, so every file of it must import, published.
public sealed class ShippedSetupTests
{
    [Fact]
    public async Task The_shipped_content_sets_up_a_tenant_with_every_file_published_and_every_question_in_its_bank()
    {
        var folder = Path.Combine(Repository.Root, "content");
        var files = new[] { "toolbox", "mooc", "glossary" }.Sum(f => Directory.GetFiles(Path.Combine(folder, f), "*.md", SearchOption.AllDirectories).Length);
        var questions = Directory.GetFiles(Path.Combine(folder, "mooc"), "*.gift", SearchOption.AllDirectories).Sum(f => GiftReader.Read(File.ReadAllText(f)).Questions.Count);

        await using var app = new LearningApp();
        var (published, banked) = await app.WithTenantAsync(async sp =>
        {
            var data = sp.GetRequiredService<LearningDbContext>();
            return (await data.ContentItems.CountAsync(i => i.Status == ContentStatus.Published), await data.BankQuestions.CountAsync());
        });

        Assert.True(files >= 96, $"only {files} content files"); // 16 practices in six cultures, and more
        Assert.Equal(files, published);
        Assert.True(questions > 0, "no validation questions");
        Assert.Equal(questions, banked);
    }
}
