using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MyStamp.Customers.Contracts;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Orders.Contracts;
using MyStamp.Retention.Contracts;
using MyStamp.Studio.Contracts;
using MyStamp.Web.Studio;
using Npgsql;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MyStamp.Integration.Tests.Retention;

/// <summary>
/// One node on a fake clock, alone in a database of its own (the sweep and the clock jump touch nobody
/// else's data), and the steps of the retention stories: a customer with a photo, designs and orders made
/// through the real API, the clock moved, what is left looked up in PostgreSQL.
/// </summary>
public sealed class RetentionWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly IReadOnlyDictionary<string, string?>? _settings;

    private RetentionWorld(string database, FakeTimeProvider clock, IReadOnlyDictionary<string, string?>? settings)
    {
        Database = database;
        Clock = clock;
        _settings = settings;
    }

    public string Database { get; }
    public FakeTimeProvider Clock { get; }
    public MyStampNode Node { get; private set; } = null!;
    public IGrainFactory Grains => Node.Grains;

    public static async Task<RetentionWorld> Create(string purpose, Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var world = new RetentionWorld(await TestDatabase.CreateIsolated(purpose), new FakeTimeProvider(Start), settings);
        world.Node = world.NewNode(configureServices);
        return world;
    }

    /// <summary>A node on the same database and clock: the silo restarted.</summary>
    public MyStampNode NewNode(Action<IServiceCollection>? configureServices = null) =>
        new MyStampNode(clock: Clock, settings: _settings, connectionString: Database, configureServices: configureServices).Start();

    /// <summary>Stops the node (the silo goes down) and starts a fresh one on the same database and clock.</summary>
    public async Task Restart(Action<IServiceCollection>? configureServices = null)
    {
        await Node.DisposeAsync();
        Node = NewNode(configureServices);
    }

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        await TestDatabase.DropIsolated(Database);
    }

    public IRetentionSubject Customer(Guid customerId) => Grains.GetGrain<ICustomerGrain>(customerId).AsReference<IRetentionSubject>();

    public IRetentionSubject Order(Guid orderId) => Grains.GetGrain<IOrderGrain>(orderId).AsReference<IRetentionSubject>();

    public IRetentionReport Report => Node.Services.GetRequiredService<IRetentionReport>();

    /// <summary>Registers a customer through the API (optionally with given fields) and signs them in.</summary>
    public async Task<(TestAccount Account, HttpClient Client)> SignedInCustomer(JsonObject? registration = null)
    {
        var account = await Node.Register(registration ?? Accounts.ConsumerRegistration());
        return (account, await Node.Login(account));
    }

    /// <summary>
    /// The usual start of a retention story: a customer registered and signed in through the API, with one approved
    /// design (a pattern photo) and <paramref name="orders"/> orders of it.
    /// </summary>
    public async Task<CustomerWhoOrdered> CustomerWhoOrdered(int orders = 1)
    {
        var (account, client) = await SignedInCustomer();
        var designId = await ApprovedDesign(client, PatternPhoto());
        var orderIds = new List<Guid>();
        for (var order = 0; order < orders; order++)
        {
            orderIds.Add(await PlaceOrder(client, designId));
        }
        return new CustomerWhoOrdered(account, client, designId, orderIds);
    }

    /// <summary>Uploads the photo through the API and approves the design as moderation would.</summary>
    public async Task<Guid> ApprovedDesign(HttpClient customer, byte[] photo)
    {
        var designId = await UploadDesign(customer, photo);
        await Grains.GetGrain<IDesignGrain>(designId).Review(new ReviewDesign(Guid.NewGuid(), ReviewVerdict.Approve, null));
        return designId;
    }

    /// <summary>Uploads the photo through the API; returns the new design's id.</summary>
    public static async Task<Guid> UploadDesign(HttpClient customer, byte[] photo)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        // No file name: the Studio form reader currently takes the photo only as a plain form field.
        content.Add(file, "photo");
        using var response = await customer.PostAsync("/api/designs", content);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Read<UploadResponse>()).DesignId;
    }

    public static async Task<Guid> PlaceOrder(HttpClient customer, Guid designId, JsonObject? shippingAddress = null)
    {
        var body = new JsonObject { ["designId"] = designId, ["tariff"] = "BelgiumNonPrior", ["sheets"] = 2, ["controllerAttestation"] = true };
        if (shippingAddress is not null)
        {
            body["shippingAddress"] = shippingAddress;
        }
        using var response = await customer.PostAsJsonAsync("/api/orders", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"order answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Read<OrderView>()).OrderId;
    }

    /// <summary>
    /// A 1200 × 900 PNG whose pixels follow a pattern no camera makes: stripes of three odd colours. With a
    /// <paramref name="seed"/> the colours are the seed's own, so a scan for its bytes cannot find another
    /// test's copy of the same image in the shared cluster's files.
    /// </summary>
    public static byte[] PatternPhoto(int? seed = null)
    {
        using var image = new Image<Rgb24>(1200, 900);
        var random = seed is { } value ? new Random(value) : null;
        Rgb24[] colours = random is null
            ? [new(13, 171, 89), new(241, 7, 199), new(97, 59, 233)]
            : [.. Enumerable.Range(0, 3).Select(_ => new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)))];
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = colours[(x / 7 + y / 11) % colours.Length];
                }
            }
        });
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    /// <summary>Moves the clock and gives the reminder service a moment (of real time) to deliver what came due.</summary>
    public async Task Advance(TimeSpan by)
    {
        Clock.Advance(by);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
    }

    public async Task AdvanceTo(DateTimeOffset moment) => await Advance(moment - Clock.GetUtcNow());

    /// <summary>Waits (real time, up to 20 s) until the condition holds.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"Not within 20 s: {what}");
    }

    public async Task<T?> Scalar<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(Database);
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    /// <summary>Rows the reminder table holds for the grain with this key.</summary>
    public Task<long> ReminderRows(Guid grainKey) =>
        Scalar<long>("SELECT count(*) FROM orleansreminderstable WHERE grainid LIKE '%' || @key", ("key", grainKey.ToString("N")));

    /// <summary>Grain state rows of a grain type (e.g. "customer", "order"), whatever the key: the world holds few of each.</summary>
    public Task<long> StateRows(string grainType) =>
        Scalar<long>("SELECT count(*) FROM orleansstorage WHERE graintypestring = @type", ("type", grainType));

    public Task<DateTime?> ErasedAt(string kind, Guid subjectId) =>
        Scalar<DateTime?>("SELECT erased_at FROM retention_deadlines WHERE subject_kind = @kind AND subject_id = @id", ("kind", kind), ("id", subjectId));

    public async Task<bool> IsErased(Guid customerId) => await Grains.GetGrain<ICustomerGrain>(customerId).GetProfile() is null && await ErasedAt("customer", customerId) is not null;
}

/// <summary>A customer of a retention story, signed in, with their approved design and the orders they placed.</summary>
public sealed record CustomerWhoOrdered(TestAccount Account, HttpClient Client, Guid DesignId, IReadOnlyList<Guid> OrderIds);
