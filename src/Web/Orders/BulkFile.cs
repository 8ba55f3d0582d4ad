using Microsoft.AspNetCore.Http;
using MyStamp.BuildingBlocks.Errors;

namespace MyStamp.Web.Orders;

/// <summary>Reads an uploaded bulk file, refusing what is plainly not text.</summary>
internal static class BulkFile
{
    public static async Task<byte[]> ReadCsv(IFormFile file)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        // A NUL byte never occurs in a UTF-8 CSV: this is a spreadsheet, an image or an archive.
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw new DomainException(DomainErrorKind.UnsupportedMediaType, "Send a CSV file (text, UTF-8), not a spreadsheet or another kind of file.");
        }
        return bytes;
    }
}
