namespace MyStamp.Orders.Contracts;

/// <summary>
/// Where a Pro customer hands in a CSV of order lines, keyed by the customer id. It recognises a file
/// it has seen before (idempotency key: the SHA-256 of the file, per customer) and answers the earlier
/// bulk order instead of ordering twice.
/// </summary>
[Alias("mystamp.orders.bulk-order-intake")]
public interface IBulkOrderIntakeGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Starts a bulk order for the file, or returns the bulk order the same file already started. A file
    /// that cannot be read as CSV with the expected columns is refused (400); bad lines are not: they are
    /// reported per line while the other lines are ordered.
    /// </summary>
    Task<BulkOrderReceipt> Submit(SubmitBulkOrder command);

    /// <summary>Erases the customer's bulk orders and the record of their files (O7). The orders themselves are erased through <see cref="IOrderGrain.Erase"/>.</summary>
    Task Erase();
}

/// <summary>One Pro bulk order: validates every line, places one order per good line, reports progress.</summary>
[Alias("mystamp.orders.bulk-order")]
public interface IBulkOrderGrain : IGrainWithGuidKey
{
    /// <summary>Takes the file and starts ordering in the background. Called once by the intake.</summary>
    Task Start(StartBulkOrder command);

    /// <summary>Progress as the owner sees it, or null when it does not exist or belongs to someone else.</summary>
    Task<BulkOrderView?> GetFor(Guid customerId);

    /// <summary>Erases the bulk order's progress and file (O7).</summary>
    Task Erase();
}

/// <summary>A CSV file of order lines from a Pro customer.</summary>
/// <param name="NewBulkOrderId">The id the bulk order gets if the file is new.</param>
/// <param name="ControllerAttestation">The customer confirms being the controller for the people on the material of every line (O2).</param>
[GenerateSerializer, Immutable]
[Alias("mystamp.orders.submit-bulk-order")]
public sealed record SubmitBulkOrder(
    [property: Id(0)] Guid NewBulkOrderId,
    [property: Id(1)] byte[] Csv,
    [property: Id(2)] bool ControllerAttestation)
{
    /// <summary>The file holds recipient addresses: never logged.</summary>
    public override string ToString() => $"SubmitBulkOrder {{ NewBulkOrderId = {NewBulkOrderId}, Bytes = {Csv.Length} }}";
}

/// <summary>What the intake hands to a new bulk order.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.orders.start-bulk-order")]
public sealed record StartBulkOrder(
    [property: Id(0)] Guid CustomerId,
    [property: Id(1)] byte[] Csv,
    [property: Id(2)] string FileHash,
    [property: Id(3)] bool ControllerAttestation)
{
    /// <summary>The file holds recipient addresses: never logged.</summary>
    public override string ToString() => $"StartBulkOrder {{ CustomerId = {CustomerId}, Bytes = {Csv.Length} }}";
}

/// <summary>The answer to a submitted file.</summary>
/// <param name="AlreadySubmitted">True when the same file was submitted before: nothing new is ordered.</param>
[GenerateSerializer, Immutable]
[Alias("mystamp.orders.bulk-order-receipt")]
public sealed record BulkOrderReceipt(
    [property: Id(0)] Guid BulkOrderId,
    [property: Id(1)] bool AlreadySubmitted);

/// <summary>Where a bulk order stands.</summary>
public enum BulkOrderStatus
{
    Running = 0,
    Completed = 1,
}

/// <summary>
/// A line that could not be ordered, by its line number in the file (the header is line 1). The message holds no personal
/// data: <see cref="Problems"/> one after the other, in English; the web edge shows each problem in the reader's language.
/// </summary>
/// <param name="Problems">What is wrong, one problem per column (none for lines recorded before problems were kept apart).</param>
[GenerateSerializer, Immutable]
[Alias("mystamp.orders.bulk-order-line-error")]
public sealed record BulkOrderLineError(
    [property: Id(0)] int Line,
    [property: Id(1)] string Message,
    [property: Id(2)] IReadOnlyList<BulkLineProblem>? Problems = null);

/// <summary>One problem of a bad line: the file's column it concerns (empty for the line as a whole) and what is wrong, in English.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.orders.bulk-line-problem")]
public sealed record BulkLineProblem(
    [property: Id(0)] string Column,
    [property: Id(1)] string Message)
{
    /// <summary>"sheets: A whole number from 1 to 10000.", or the message alone for the line as a whole.</summary>
    public static string Describe(string column, string message) => column.Length == 0 ? message : $"{column}: {message}";

    public override string ToString() => Describe(Column, Message);
}

/// <summary>A bulk order's progress: <see cref="Processed"/> counts ordered and failed lines alike.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.orders.bulk-order-view")]
public sealed record BulkOrderView(
    [property: Id(0)] Guid BulkOrderId,
    [property: Id(1)] BulkOrderStatus Status,
    [property: Id(2)] int Total,
    [property: Id(3)] int Processed,
    [property: Id(4)] int Failed,
    [property: Id(5)] IReadOnlyList<BulkOrderLineError> Errors,
    [property: Id(6)] DateTimeOffset SubmittedAt,
    [property: Id(7)] DateTimeOffset? CompletedAt);

/// <summary>The live progress message a Pro customer's browser receives as <c>BulkOrderProgress</c>.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.orders.bulk-order-progress")]
public sealed record BulkOrderProgress(
    [property: Id(0)] Guid BulkOrderId,
    [property: Id(1)] BulkOrderStatus Status,
    [property: Id(2)] int Total,
    [property: Id(3)] int Processed,
    [property: Id(4)] int Failed);
