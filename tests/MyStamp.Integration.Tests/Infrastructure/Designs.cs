using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MyStamp.Studio.Tests;

namespace MyStamp.Integration.Tests.Infrastructure;

/// <summary>Stamp designs made through the real Studio API: a customer uploads a photo, an admin reviews it.</summary>
public static class Designs
{
    /// <summary>The multipart upload the way a browser sends it (<c>photo</c>, and <c>format</c> if given).</summary>
    public static MultipartFormDataContent UploadForm(byte[] photo, string? contentType, string fileName, string? format = null)
    {
        var file = new ByteArrayContent(photo);
        if (contentType is not null)
        {
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        var form = new MultipartFormDataContent { { file, "photo", fileName } };
        if (format is not null)
        {
            form.Add(new StringContent(format), "format");
        }
        return form;
    }

    /// <summary>Uploads a JPEG photo (by default a 1200 × 900 camera photo) as <paramref name="owner"/>; fails the test unless 201.</summary>
    public static async Task<Guid> Upload(HttpClient owner, byte[]? photo = null, string? format = null)
    {
        using var response = await owner.PostAsync("/api/designs", UploadForm(photo ?? TestPhotos.CameraJpeg(1200, 900), "image/jpeg", "photo.jpg", format));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["designId"]!.GetValue<Guid>();
    }

    /// <summary>Approves the design as <paramref name="admin"/> through the moderation API; fails the test unless 200.</summary>
    public static async Task Approve(HttpClient admin, Guid designId)
    {
        using var response = await admin.PostAsJsonAsync($"/api/admin/designs/{designId}/review", new { decision = "Approve" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A design of <paramref name="owner"/>'s that <paramref name="admin"/> approved: ready to be ordered.</summary>
    public static async Task<Guid> Approved(HttpClient owner, HttpClient admin, byte[]? photo = null)
    {
        var designId = await Upload(owner, photo);
        await Approve(admin, designId);
        return designId;
    }
}
