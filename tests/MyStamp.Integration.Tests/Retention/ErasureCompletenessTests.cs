using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MyStamp.Retention.Contracts;
using MyStamp.Customers.Contracts;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Integration.Tests.Privacy;
using MyStamp.Privacy.Contracts;
using Npgsql;
using MyStamp.Web.Privacy;

namespace MyStamp.Integration.Tests.Retention;

/// <summary>
/// Personal data at rest is ciphertext, and erasure leaves nothing that identifies the person (O7): a customer
/// with a distinctive name, e-mail, phone, address, photo, three orders and privacy records (an objection, a
/// data-subject request with a redacted identity document and a reason an admin typed, an admin's look in the
/// audit trail) is found in no table, no file of the project's data folder (PostgreSQL's table files and
/// write-ahead log included) and no dump, neither while alive nor after the erasure, which destroys their keys.
/// </summary>
public sealed class ErasureCompletenessTests
{
    [Fact]
    public async Task No_table_file_or_dump_holds_the_customers_data_or_photo_before_or_after_erasure()
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
        // Images of this run only: other tests upload the default pattern into the same PostgreSQL cluster.
        var seed = Random.Shared.Next();
        var photo = RetentionWorld.PatternPhoto(seed);
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
        var privacy = await PrivacyRecords(world, client, account.CustomerId, profile, letters, RetentionWorld.PatternPhoto(seed + 1));

        // What to look for: the values as the customer gave them, and slices of every stored form of the photo.
        string[] texts = [profile.FirstName, profile.LastName, profile.Email, profile.Phone!, profile.Address.Street, $"Pimpernelhof{letters}", .. privacy.Texts];
        var binaries = await PhotoSlices(world, designId);
        binaries.Add(privacy.DocumentSlice);
        Assert.True(binaries.Count >= 3, "the photo and its screen copy are stored in the studio's blob table, the document in its own");
        var scan = new PersonalDataScan(texts, binaries);

        // The scanner finds what is stored in plaintext: a control row of this database, in its table, its files and
        // its dump. A scan that cannot find anything proves nothing.
        var control = $"Kontrolewaarde{letters}";
        var controlBytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(64);
        await world.Scalar<int>("CREATE TABLE scan_control (note text, picture bytea); SELECT 1");
        await world.Scalar<int>("INSERT INTO scan_control VALUES (@note, @picture); CHECKPOINT; SELECT 1", ("note", control), ("picture", controlBytes));
        var controlScan = new PersonalDataScan([control], [controlBytes]);
        Assert.Contains(await controlScan.ScanDatabase(world.Database), hit => hit.EndsWith(": " + control, StringComparison.Ordinal));
        Assert.Contains(await controlScan.ScanDatabase(world.Database), hit => hit.Contains("bytes of the photo", StringComparison.Ordinal));
        Assert.Contains(controlScan.ScanFiles(PersonalDataScan.DataFolder()), hit => hit.Contains(control, StringComparison.Ordinal));
        Assert.Contains(await PlainDump(world.Database), line => line.Contains(control, StringComparison.Ordinal));
        await world.Scalar<int>("DROP TABLE scan_control; SELECT 1");

        // Data at rest is ciphertext: while the customer is alive and well, none of their values and no byte of
        // their photo or document is in any table, in any file of the cluster (table files, write-ahead log), or in a dump.
        Assert.Equal(profile.LastName, (await world.Grains.GetGrain<ICustomerGrain>(account.CustomerId).GetProfile())!.LastName);
        await world.Scalar<int>("CHECKPOINT; SELECT 1");
        Assert.Empty(await scan.ScanDatabase(world.Database));
        Assert.Empty(scan.ScanFiles(PersonalDataScan.DataFolder()));
        var dump = await PlainDump(world.Database);
        Assert.DoesNotContain(dump, line => texts.Any(value => line.Contains(value, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(1L, await world.Scalar<long>("SELECT count(*) FROM privacy_requests WHERE customer_id = @id", ("id", account.CustomerId)));
        Assert.True(await world.Scalar<long>("SELECT count(*) FROM audit_personal_data_views WHERE customer_id = @id", ("id", account.CustomerId)) > 0);
        Assert.Equal(1L, await world.Scalar<long>("SELECT count(*) FROM privacy_audience WHERE customer_id = @id", ("id", account.CustomerId)));
        Assert.Equal(1L, await PrivacyStateRows(world));
        Assert.Equal(1L, await DataKeys(world, account.CustomerId));

        // Three years after the last order the reminders erase: the customer's key first, then the rows. The nightly
        // sweep compacts the key table only.
        await world.AdvanceTo(RetentionPeriod.DeadlineAfter(world.Clock.GetUtcNow()) + TimeSpan.FromMinutes(1));
        await RetentionWorld.Eventually(() => world.IsErased(account.CustomerId), "the customer is erased");
        var sweep = await world.Report.SweepNow();
        Assert.True(sweep.Purged, "the sweep compacted the key table");

        Assert.Equal(0L, await DataKeys(world, account.CustomerId));
        Assert.Empty(await scan.ScanDatabase(world.Database));
        Assert.Empty(scan.ScanFiles(PersonalDataScan.DataFolder()));
        // Ids name no one, but rows about a person who is gone go too: the trail of admin looks, the audience
        // entry, the privacy state. The request stays, unlinked, as proof that it was answered.
        Assert.Equal(0L, await world.Scalar<long>("SELECT count(*) FROM audit_personal_data_views WHERE customer_id = @id", ("id", account.CustomerId)));
        Assert.Equal(0L, await world.Scalar<long>("SELECT count(*) FROM privacy_audience WHERE customer_id = @id", ("id", account.CustomerId)));
        Assert.Equal(0L, await world.Scalar<long>("SELECT count(*) FROM privacy_requests WHERE customer_id = @id", ("id", account.CustomerId)));
        Assert.Equal(0L, await PrivacyStateRows(world));
        Assert.Equal(0L, await world.Scalar<long>("SELECT count(*) FROM studio_design_blobs WHERE design_id = @id", ("id", designId)));
        Assert.Equal(1L, await world.Scalar<long>("SELECT count(*) FROM privacy_requests WHERE request_id = @id", ("id", privacy.RequestId)));
    }

    /// <summary>How many data keys the key store holds for <paramref name="subject"/>.</summary>
    private static async Task<long> DataKeys(RetentionWorld world, Guid subject)
    {
        await using var dataSource = NpgsqlDataSource.Create(TestDatabase.KeysConnectionStringFor(world.Database));
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM data_keys WHERE subject_id = @subject");
        command.Parameters.AddWithValue("subject", subject);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The database as <c>pg_dump</c> writes it in plain SQL, line by line.</summary>
    private static async Task<string[]> PlainDump(string database)
    {
        var connection = new NpgsqlConnectionStringBuilder(database);
        var pgDump = Directory.GetDirectories("/usr/lib/postgresql").OrderBy(folder => folder, StringComparer.Ordinal)
            .Select(folder => Path.Combine(folder, "bin", "pg_dump")).Last(File.Exists);
        var start = new System.Diagnostics.ProcessStartInfo(pgDump, ["-h", connection.Host!, "-p", connection.Port.ToString(), "-U", connection.Username!, "--no-owner", connection.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGPASSWORD"] = connection.Password;
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);
        return (await output).Split('\n');
    }

    /// <summary>
    /// What the privacy centre keeps about the customer, made through the real API: an audience entry, an objection to e-mail
    /// advertising; an access request sent without signing in, with the customer's name and e-mail, details and a
    /// redacted identity document, for which the admin asks more proof (typing a reason) and which they then
    /// verify and link to the customer (the document is deleted then, O9, but its bytes were on disk); and the
    /// admin's look at the request, recorded in the audit trail.
    /// </summary>
    private static async Task<PrivacyData> PrivacyRecords(RetentionWorld world, HttpClient customer, Guid customerId, CustomerProfile profile, string letters, byte[] identityDocument)
    {
        // Registration is meant to enrol the customer in the advertising audience (IAdvertisingAudienceGrain.Enrol);
        // enrolled here, as the privacy tests do, so the audience entry is there to be erased.
        await world.Grains.GetGrain<IAdvertisingAudienceGrain>(0).Enrol(customerId);
        using (var objected = await customer.PostAsJsonAsync("/api/privacy/objections", new { channel = "Email" }))
        {
            Assert.Equal(HttpStatusCode.OK, objected.StatusCode);
        }

        var details = $"Graag alles over mijn zoon Brenthorst{letters}";
        using var anonymous = world.Node.CreateApiClient();
        using var form = PrivacyTestFiles.RequestForm("Access", profile.FirstName, profile.LastName, profile.Email, identityDocument,
            """[{"x":20,"y":40,"width":110,"height":140}]""");
        form.Add(new StringContent(details), "details");
        using var submitted = await anonymous.PostAsync("/api/privacy/requests", form);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var requestId = (await submitted.Read<SubmittedRequest>()).RequestId;
        var document = await SealedRows.OpenIdentityDocument(world.Node, await world.Scalar<byte[]>("SELECT content FROM privacy_identity_documents WHERE request_id = @id", ("id", requestId)), requestId);
        var documentSlice = document.AsSpan(document.Length / 2, 64).ToArray();

        using var admin = await world.Node.LoginAsAdmin();
        var reason = $"Stuur de voorkant van de kaart van Oudenhoven{letters}";
        await PrivacyWorld.Decide(admin, requestId, new { decision = "AskMoreProof", reason }, HttpStatusCode.OK);
        await PrivacyWorld.Decide(admin, requestId, new { decision = "Verify", customerId }, HttpStatusCode.OK);
        using (var opened = await admin.GetAsync($"/api/admin/privacy/requests/{requestId}"))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }
        return new PrivacyData(requestId, [details, reason], documentSlice);
    }

    private static Task<long> PrivacyStateRows(RetentionWorld world) =>
        world.Scalar<long>("SELECT count(*) FROM orleansstorage WHERE graintypestring LIKE '%privacy-customer%'");

    private sealed record PrivacyData(Guid RequestId, string[] Texts, byte[] DocumentSlice);

    /// <summary>A 64-byte slice from the middle of every blob the studio stored for the design (the cleaned photo and what it derived), opened.</summary>
    private static async Task<List<byte[]>> PhotoSlices(RetentionWorld world, Guid designId)
    {
        var stored = new List<(string Kind, byte[] Content)>();
        await using (var dataSource = NpgsqlDataSource.Create(world.Database))
        await using (var command = dataSource.CreateCommand("SELECT kind, content FROM studio_design_blobs WHERE design_id = @id"))
        {
            command.Parameters.AddWithValue("id", designId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored.Add((reader.GetString(0), reader.GetFieldValue<byte[]>(1)));
            }
        }
        var slices = new List<byte[]>();
        foreach (var (kind, content) in stored)
        {
            var blob = await SealedRows.OpenDesignBlob(world.Node, content, designId, kind);
            slices.Add(blob.AsSpan(blob.Length / 2, 64).ToArray());
        }
        return slices;
    }
}
