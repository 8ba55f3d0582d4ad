using MyStamp.BuildingBlocks.Grains;
using MyStamp.Customers.Contracts;

namespace MyStamp.Customers.Accounts;

/// <summary>The state of one customer, stored under its own state name.</summary>
[GenerateSerializer]
[Alias("mystamp.customers.customer-state")]
public sealed class CustomerState
{
    [Id(0)] public CustomerProfile? Profile { get; set; }
    [Id(1)] public List<Guid> OrderIds { get; set; } = [];
    [Id(2)] public List<Guid> DesignIds { get; set; } = [];
    [Id(3)] public HashSet<AdvertisingChannel> Objections { get; set; } = [];
    [Id(4)] public DateTimeOffset? LastOrderAt { get; set; }
}

/// <summary>Placeholder of the platform issue: the Customers issue builds registration, sign-in and retention here.</summary>
internal sealed class CustomerGrain(
    [PersistentState("customer", GrainStorage.Name)] IPersistentState<CustomerState> customer) : Grain, ICustomerGrain
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(3 * 365);

    public Task<CustomerProfile?> GetProfile() => Task.FromResult(customer.State.Profile);

    public async Task<DateTimeOffset> RecordOrderPlaced(Guid orderId, DateTimeOffset placedAt)
    {
        if (!customer.State.OrderIds.Contains(orderId))
        {
            customer.State.OrderIds.Insert(0, orderId);
        }
        if (customer.State.LastOrderAt is null || placedAt > customer.State.LastOrderAt)
        {
            customer.State.LastOrderAt = placedAt;
        }
        await customer.WriteStateAsync();
        return customer.State.LastOrderAt.Value + Retention;
    }

    public async Task RecordDesignUploaded(Guid designId)
    {
        if (!customer.State.DesignIds.Contains(designId))
        {
            customer.State.DesignIds.Insert(0, designId);
            await customer.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<Guid>> GetOrderIds() => Task.FromResult<IReadOnlyList<Guid>>(customer.State.OrderIds.ToList());

    public Task<IReadOnlyList<Guid>> GetDesignIds() => Task.FromResult<IReadOnlyList<Guid>>(customer.State.DesignIds.ToList());

    public Task<IReadOnlySet<AdvertisingChannel>> GetObjections() => Task.FromResult<IReadOnlySet<AdvertisingChannel>>(customer.State.Objections.ToHashSet());

    public async Task ObjectTo(IReadOnlyList<AdvertisingChannel> channels, ObjectionSource source)
    {
        customer.State.Objections.UnionWith(channels);
        await customer.WriteStateAsync();
    }
}
