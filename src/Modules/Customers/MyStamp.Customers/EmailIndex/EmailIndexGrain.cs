using MyStamp.BuildingBlocks.Grains;
using Orleans.Concurrency;

namespace MyStamp.Customers.EmailIndex;

/// <summary>Which grain type an index entry points to.</summary>
internal enum AccountKind
{
    Customer = 0,
    Admin = 1,
}

/// <summary>Who holds an e-mail address.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.email-index-entry")]
internal sealed record EmailIndexEntry([property: Id(0)] Guid AccountId, [property: Id(1)] AccountKind Kind);

/// <summary>An account that can hold an e-mail address: the index asks it before giving the address to someone else.</summary>
internal interface IEmailHolderGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Whether this account holds (or is right now claiming) the address with this index key.
    /// Interleaves: the index may ask while the account is itself waiting on the index.
    /// </summary>
    [AlwaysInterleave]
    Task<bool> HoldsEmailKey(string key);

    /// <summary>Checks a password for the given (normalised) address; null when they do not match.</summary>
    Task<Contracts.SignedInAccount?> SignIn(string normalisedEmail, string password);
}

/// <summary>
/// One e-mail address (keyed by its HMAC, see <see cref="EmailKeys"/>) and the account that holds it.
/// Calls to one grain run one at a time, so of two accounts claiming one address exactly one wins.
/// </summary>
[Alias("mystamp.customers.email-index")]
internal interface IEmailIndexGrain : IGrainWithStringKey
{
    /// <summary>
    /// Gives the address to the account unless another account still holds it. A holder that no
    /// longer has the address (it changed it, or its registration never completed) loses it.
    /// </summary>
    Task<bool> Claim(Guid accountId, AccountKind kind);

    /// <summary>Frees the address if this account holds it; the row is deleted.</summary>
    Task Release(Guid accountId);

    [ReadOnly]
    Task<EmailIndexEntry?> Lookup();
}

[GenerateSerializer]
[Alias("mystamp.customers.email-index-state")]
internal sealed class EmailIndexState
{
    [Id(0)] public Guid? AccountId { get; set; }
    [Id(1)] public AccountKind Kind { get; set; }
}

internal sealed class EmailIndexGrain(
    // Own state name: the storage keys rows by grain key + state name, not by grain type.
    [PersistentState("customers-email-index", GrainStorage.Name)] IPersistentState<EmailIndexState> entry) : Grain, IEmailIndexGrain
{
    public async Task<bool> Claim(Guid accountId, AccountKind kind)
    {
        if (entry.State.AccountId == accountId && entry.State.Kind == kind)
        {
            return true;
        }
        if (entry.State.AccountId is { } holder && await Holder(holder, entry.State.Kind).HoldsEmailKey(this.GetPrimaryKeyString()))
        {
            return false;
        }
        entry.State.AccountId = accountId;
        entry.State.Kind = kind;
        await entry.WriteStateAsync();
        return true;
    }

    public async Task Release(Guid accountId)
    {
        if (entry.State.AccountId == accountId)
        {
            await entry.ClearStateAsync();
            entry.State = new EmailIndexState();
        }
    }

    public Task<EmailIndexEntry?> Lookup() =>
        Task.FromResult(entry.State.AccountId is { } id ? new EmailIndexEntry(id, entry.State.Kind) : null);

    private IEmailHolderGrain Holder(Guid id, AccountKind kind) => HolderOf(GrainFactory, id, kind);

    public static IEmailHolderGrain HolderOf(IGrainFactory grains, Guid id, AccountKind kind) => kind switch
    {
        AccountKind.Admin => grains.GetGrain<Admins.IAdminAccountGrain>(id),
        _ => grains.GetGrain<Accounts.ICustomerAccountGrain>(id),
    };
}
