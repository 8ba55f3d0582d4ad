using Microsoft.AspNetCore.Http;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Orders.Contracts;
using MyStamp.Web.Languages;

namespace MyStamp.Web.Orders;

/// <summary>Reads an uploaded bulk file, refusing what is plainly not text; and tells its line errors in the reader's language.</summary>
internal static class BulkFile
{
    /// <summary>The largest bulk file taken, on the page and through the API: 10 000 lines of a few hundred bytes fit with room to spare.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The file's bytes; or a refusal when no file was chosen, when it is too large, or plainly not text.</summary>
    public static async Task<byte[]> ReadCsv(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            throw DomainException.Invalid("file", "Choose a CSV file.");
        }
        if (file.Length > MaxBytes)
        {
            throw new DomainException(DomainErrorKind.PayloadTooLarge, $"A bulk file may be at most {MaxBytes / (1024 * 1024)} MB.");
        }
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
