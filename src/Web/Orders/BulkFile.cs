using Microsoft.AspNetCore.Http;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Orders.Contracts;
using MyStamp.Web.Languages;

namespace MyStamp.Web.Orders;

/// <summary>Reads an uploaded bulk file, refusing what is plainly not text; and tells its line errors in the reader's language.</summary>
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

    /// <summary>
    /// The bulk order with each line error in the request's language: every problem translated on its own, after the
    /// column it concerns (the file's own column names, which the reader wrote). Errors recorded before problems were
    /// kept apart stay as they were written.
    /// </summary>
    public static BulkOrderView InWords(BulkOrderView bulk, DomainText text) =>
        bulk with { Errors = [.. bulk.Errors.Select(error => error with { Message = InWords(error, text) })] };

    private static string InWords(BulkOrderLineError error, DomainText text) =>
        error.Problems is { Count: > 0 } problems
            ? string.Join(" ", problems.Select(problem => BulkLineProblem.Describe(problem.Column, text.Translate(problem.Message))))
            : error.Message;
}
