using System.Text.Json.Nodes;
using MyStamp.BuildingBlocks.Retention;
using MyStamp.Customers.Contracts;
using MyStamp.Integration.Tests.Infrastructure;
using Npgsql;

namespace MyStamp.Integration.Tests.Retention;

/// <summary>
/// Erasure leaves nothing that identifies the person (O7): after a customer with a distinctive name,
/// e-mail, phone, address, photo and three orders is erased, no table of the database and no file of the
/// project's data folder holds any of it, not even in PostgreSQL's table files or write-ahead log.
/// </summary>
public sealed class ErasureCompletenessTests
{
    [Fact]
    public async Task After_erasure_no_table_and_no_file_holds_the_customers_data_or_photo()
    {
        // O7
        await using var world = await RetentionWorld.Create("complete");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var letters = new string(tag.Select(c => (char)('k' + c % 16)).ToArray());
        var registration = Accounts.ConsumerRegistration($"zorvath.{tag}@example.test");
        registration["firstName"] = $"Quillon{letters}";
        registration["lastName"] = $"Vandermeersch{letters}";
        registration["phone"] = $"0470 {tag.Select(c => (char)('0' + c % 10)).Take(2).Aggregate("", (s, c) => s + c)} {Random.Shared.Next(10, 99)} {Random.Shared.Next(10, 99)}";
        registration["address"]!["street"] = $"Kwikstaartdreef{letters}";
        var (account, client) = await world.SignedInCustomer(registration);
        var photo = RetentionWorld.PatternPhoto();
        var designId = await world.ApprovedDesign(client, photo);
        var shipTo = new JsonObject
        {
            ["street"] = $"Pimpernelhof{letters}", ["houseNumber"] = "7", ["box"] = null, ["postalCode"] = "9000", ["city"] = "Gent", ["country"] = "BE",
        };
        for (var i = 0; i < 3; i++)
        {
            await RetentionWorld.PlaceOrder(client, designId, i == 0 ? shipTo : null);
        }
        var profile = (await world.Grains.GetGrain<ICustomerGrain>(account.CustomerId).GetProfile())!;

        // What to look for: the values as stored, and slices of every stored form of the photo.
        string[] texts = [profile.FirstName, profile.LastName, profile.Email, profile.Phone!, profile.Address.Street, $"Pimpernelhof{letters}"];
        var binaries = await PhotoSlices(world.Database);
        binaries.Add(photo.AsSpan(photo.Length / 2, 64).ToArray());
        Assert.True(binaries.Count >= 2, "the photo is stored in the studio's blob table");
        var scan = new PersonalDataScan(texts, binaries);

        // The scanner sees them before: a scan that cannot find anything proves nothing.
        var before = await scan.ScanDatabase(world.Database);
        foreach (var value in texts)
        {
            Assert.Contains(before, hit => hit.EndsWith(": " + value, StringComparison.Ordinal));
        }
        Assert.Contains(before, hit => hit.Contains("bytes of the photo", StringComparison.Ordinal));
        Assert.Contains(scan.ScanFiles(PersonalDataScan.DataFolder()), hit => hit.Contains(profile.Email, StringComparison.OrdinalIgnoreCase));

        // Three years after the last order the reminders erase; the nightly sweep then purges the disk.
        await world.AdvanceTo(RetentionPeriod.DeadlineAfter(world.Clock.GetUtcNow()) + TimeSpan.FromMinutes(1));
        await RetentionWorld.Eventually(() => world.IsErased(account.CustomerId), "the customer is erased");
        var sweep = await world.Report.SweepNow();
        Assert.True(sweep.Purged, "the sweep purged the erased rows from the disk");

        Assert.Empty(await scan.ScanDatabase(world.Database));
        Assert.Empty(scan.ScanFiles(PersonalDataScan.DataFolder()));
    }

    /// <summary>A 64-byte slice from the middle of every blob the studio stored (the cleaned photo and what it derived).</summary>
    private static async Task<List<byte[]>> PhotoSlices(string database)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var command = dataSource.CreateCommand("SELECT content FROM studio_design_blobs WHERE length(content) >= 256");
        await using var reader = await command.ExecuteReaderAsync();
        var slices = new List<byte[]>();
        while (await reader.ReadAsync())
        {
            var blob = reader.GetFieldValue<byte[]>(0);
            slices.Add(blob.AsSpan(blob.Length / 2, 64).ToArray());
        }
        return slices;
    }
}
