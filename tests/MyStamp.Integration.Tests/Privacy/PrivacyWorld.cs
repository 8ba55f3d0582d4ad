using System.Net;
using System.Net.Http.Json;
using MyStamp.Privacy.Contracts;
using MyStamp.Web.Privacy;

namespace MyStamp.Integration.Tests.Privacy;

/// <summary>
/// The steps of the data-subject request stories, through the public API, read as the records the API answers:
/// a request sent by a visitor, an admin's decision on it, and the status the admin queue shows.
/// </summary>
public static class PrivacyWorld
{
    /// <summary>Blacks out the photo and the card number of <see cref="PrivacyTestFiles.IdentityCardJpeg"/>.</summary>
    public const string Redactions = """[{"x":20,"y":40,"width":110,"height":140},{"x":160,"y":200,"width":200,"height":24}]""";

    /// <summary>A visitor without an account sends a request of <paramref name="type"/> with a redacted identity card.</summary>
    public static async Task<Guid> SubmitAnonymous(MyStampNode node, string type)
    {
        using var anonymous = node.CreateApiClient();
        var response = await anonymous.PostAsync("/api/privacy/requests",
            PrivacyTestFiles.RequestForm(type, "Jan", "Peeters", $"jan.{Guid.NewGuid():N}@example.be", PrivacyTestFiles.IdentityCardJpeg(), Redactions));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Read<SubmittedRequest>()).RequestId;
    }

    /// <summary>An admin records a request that came by post (signed letter, no identity document).</summary>
    public static async Task<Guid> RecordPostalRequest(HttpClient admin, string firstName = "Marc", string lastName = "Wouters")
    {
        var response = await admin.PostAsJsonAsync("/api/admin/privacy/requests", new
        {
            type = "Access",
            firstName,
            lastName,
            address = "Stationsstraat 4, 3000 Leuven",
            details = $"{firstName} {lastName} asks which photos we keep.",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Read<SubmittedRequest>()).RequestId;
    }

    /// <summary>The admin queue of open requests, oldest due first.</summary>
    public static Task<RequestQueueEntry[]> Queue(HttpClient admin) => admin.GetJson<RequestQueueEntry[]>("/api/admin/privacy/requests");

    /// <summary>An admin decides; the answer must be <paramref name="expected"/>. Returns the request as the admin then sees it.</summary>
    public static async Task<DataSubjectRequestView?> Decide(HttpClient admin, Guid requestId, object decision, HttpStatusCode expected)
    {
        var response = await admin.PostAsJsonAsync($"/api/admin/privacy/requests/{requestId}/decision", decision);
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.IsSuccessStatusCode ? await response.Read<DataSubjectRequestView>() : null;
    }

    /// <summary>The request and its audit trail as an admin opens it.</summary>
    public static Task<AdminRequestView> Open(HttpClient admin, Guid requestId) =>
        admin.GetJson<AdminRequestView>($"/api/admin/privacy/requests/{requestId}");

    public static async Task<RequestStatus> Status(HttpClient admin, Guid requestId) => (await Open(admin, requestId)).Request.Status;
}
