using System.Net.Http.Headers;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace MyStamp.Integration.Tests.Privacy;

/// <summary>Identity document images and request forms as a browser would send them.</summary>
internal static class PrivacyTestFiles
{
    public static readonly Rgb24 CardColour = new(70, 130, 180);

    /// <summary>A 400×250 "identity card" JPEG carrying EXIF data (camera make, GPS-like description).</summary>
    public static byte[] IdentityCardJpeg()
    {
        using var image = new Image<Rgb24>(400, 250, CardColour);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "PhoneMaker");
        exif.SetValue(ExifTag.ImageDescription, "Rijksregisternummer 85.07.30-033.61");
        image.Metadata.ExifProfile = exif;
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }

    public static MultipartFormDataContent RequestForm(string type, string firstName, string lastName, string email, byte[]? document, string? redactionsJson)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(type), "type" },
            { new StringContent(firstName), "firstName" },
            { new StringContent(lastName), "lastName" },
            { new StringContent(email), "email" },
        };
        if (document is not null)
        {
            var file = new ByteArrayContent(document);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "idDocument", "id-card.jpg");
        }
        if (redactionsJson is not null)
        {
            form.Add(new StringContent(redactionsJson), "redactions");
        }
        return form;
    }
}
