using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MyStamp.Integration.Tests.Infrastructure;

/// <summary>
/// Reads the API's answers as the records they are (the modules' Contracts records, or <see cref="Problem"/>),
/// with the API's own JSON conventions: camelCase and enums by name. A renamed or retyped field fails the read,
/// where a look-up by string would quietly find nothing.
/// </summary>
public static class ApiAnswers
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> Read<T>(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(Json) ?? throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered null, not a {typeof(T).Name}");

    public static async Task<T> GetJson<T>(this HttpClient client, string url) =>
        await client.GetFromJsonAsync<T>(url, Json) ?? throw new InvalidOperationException($"{url} answered null, not a {typeof(T).Name}");

    public static Task<Problem> ReadProblem(this HttpResponseMessage response) => response.Read<Problem>();
}

/// <summary>An RFC 7807 problem as the API answers it; <see cref="Errors"/> holds the field errors of a validation problem.</summary>
public sealed record Problem(string? Type, string? Title, int? Status, string? Detail, IReadOnlyDictionary<string, string[]>? Errors)
{
    public bool Names(string field) => Errors?.ContainsKey(field) == true;
}
