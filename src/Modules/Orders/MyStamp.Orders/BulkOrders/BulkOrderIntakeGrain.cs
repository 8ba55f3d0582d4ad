using System.Security.Cryptography;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Customers.Contracts;
using MyStamp.Orders.Contracts;

namespace MyStamp.Orders.BulkOrders;

/// <summary>The files a Pro customer has submitted, by their SHA-256 (the idempotency key), stored as "bulk-order-intake".</summary>
[GenerateSerializer]
[Alias("mystamp.orders.bulk-order-intake-state")]
public sealed class BulkOrderIntakeState
{
    [Id(0)] public Dictionary<string, Guid> BulkOrdersByFileHash { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// One per Pro customer. Calls run one at a time, so the same file sent twice at once is still ordered
/// once: the second call finds the hash the first one recorded.
/// </summary>
internal sealed class BulkOrderIntakeGrain(
    [PersistentState("bulk-order-intake", GrainStorage.Name)] IPersistentState<BulkOrderIntakeState> intake) : Grain, IBulkOrderIntakeGrain
{
    public async Task<BulkOrderReceipt> Submit(SubmitBulkOrder command)
    {
        var customerId = this.GetPrimaryKey();
        if (!command.ControllerAttestation)
        {
            // O2, for every line of the file at once.
            throw DomainException.Invalid("controllerAttestation", "Confirm that you may use the likeness and names of the people shown or named on your stamps.");
        }
        var profile = await GrainFactory.GetGrain<ICustomerGrain>(customerId).GetProfile();
        if (profile?.AccountType != AccountType.Pro)
        {
            throw DomainException.Forbidden("Bulk orders are for Pro accounts.");
        }

        var fileHash = Convert.ToHexStringLower(SHA256.HashData(command.Csv));
        if (intake.State.BulkOrdersByFileHash.TryGetValue(fileHash, out var earlier))
        {
            return new BulkOrderReceipt(earlier, AlreadySubmitted: true);
        }

        // Start first: a file refused as unreadable is not remembered, so a corrected file is not mistaken for it.
        await GrainFactory.GetGrain<IBulkOrderGrain>(command.NewBulkOrderId)
            .Start(new StartBulkOrder(customerId, command.Csv, fileHash, command.ControllerAttestation));
        intake.State.BulkOrdersByFileHash[fileHash] = command.NewBulkOrderId;
        await intake.WriteStateAsync();
        return new BulkOrderReceipt(command.NewBulkOrderId, AlreadySubmitted: false);
    }

    public async Task Erase()
    {
        await Task.WhenAll(intake.State.BulkOrdersByFileHash.Values.Select(id => GrainFactory.GetGrain<IBulkOrderGrain>(id).Erase()));
        if (intake.RecordExists)
        {
            await intake.ClearStateAsync();
        }
        intake.State = new BulkOrderIntakeState();
        // Asked once per erased customer, most of whom never sent a bulk order: no need to stay in memory.
        DeactivateOnIdle();
    }
}
