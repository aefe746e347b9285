using System.Text;
using System.Text.Json;
using Learning.Modules.Assessment.Contracts;

namespace Learning.Modules.Reporting.Facts;

/// <summary>
/// An attempt's drawn questions as <see cref="AttemptFact.Drawn"/> keeps them, for the item analysis: a JSON array of
/// <c>[name, points, mark, [choices ticked]]</c>, about 25 bytes a question.
/// </summary>
public static class DrawnAnswers
{
    public static string Write(IReadOnlyList<DrawnQuestion> questions)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (var question in questions)
            {
                json.WriteStartArray();
                json.WriteStringValue(question.Name);
                json.WriteNumberValue(question.Points);
                json.WriteNumberValue(question.Mark);
                json.WriteStartArray();
                foreach (var choice in question.Chosen)
                {
                    json.WriteNumberValue(choice);
                }

                json.WriteEndArray();
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static IReadOnlyList<DrawnQuestion> Read(string drawn)
    {
        using var document = JsonDocument.Parse(drawn);
        return document.RootElement.EnumerateArray().Select(q => new DrawnQuestion(
                q[0].GetString()!, q[1].GetDecimal(), q[2].GetDecimal(), q[3].EnumerateArray().Select(c => c.GetInt32()).ToList()))
            .ToList();
    }
}
