using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MyStamp.Bench.Shared;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Retention.Contracts;
using MyStamp.Customers.Accounts;
using MyStamp.Customers.Contracts;
using MyStamp.Orders.Contracts;
using MyStamp.Orders.Lifecycle;
using MyStamp.Studio.Contracts;
using MyStamp.Studio.Designs;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;

namespace MyStamp.Bench.Retention;

// Retention sweep at scale (issue 6): N customers, each with one order and one design (its photo sealed in the
// blob table), all past their deadline and none
// erased by a reminder (the reminders are "lost": their rows deleted), so the nightly sweep alone must erase
// them all. Beside it, the raw PostgreSQL DELETE rate for the same number of rows in the same run.
internal static class RetentionBench
{
    // Not top-level statements: the Silo's own Program class must stay the only "Program" here.
    public static async Task<int> Main(string[] args)
    {
        const int PhotoBytes = 4096;
        var connectionString = Arg("connection-string");
        var customers = int.Parse(Arg("customers", "10000"), CultureInfo.InvariantCulture);
        var parallelism = int.Parse(Arg("parallelism", "32"), CultureInfo.InvariantCulture);
        var reportPath = Arg("report");
        Console.WriteLine($"bench/retention: {customers} customers with one order and one design each, sweep parallelism {parallelism}");

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var placedAt = clock.GetUtcNow();
        // The warm-up: a tenth as many customers again, seeded alike but sixty days earlier (their deadlines fall before the
        // others' thirty-day notice horizon), erased by a sweep of their own before the timed one, so that the timed sweep
        // runs compiled code as the raw DELETE baseline does (it runs last, on code the seeding already compiled).
        var warmUpCustomers = int.Parse(Arg("warm-up-customers", (customers / 10).ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var warmUpPlacedAt = placedAt - TimeSpan.FromDays(60);
        var seeded = customers + warmUpCustomers;
        DateTimeOffset PlacedAt(int i) => i < customers ? placedAt : warmUpPlacedAt;
        var clusterId = $"bench-retention-{Guid.NewGuid():N}";
        var customerIds = Enumerable.Range(0, seeded).Select(_ => Guid.CreateVersion7()).ToArray();
        var orderIds = Enumerable.Range(0, seeded).Select(_ => Guid.CreateVersion7()).ToArray();
        var designIds = Enumerable.Range(0, seeded).Select(_ => Guid.CreateVersion7()).ToArray();
        // Each customer's photo: its print master (random bytes standing in for a JPEG), sealed under the customer's key.
        var photos = new byte[seeded][];

        // 1. Seed through the grains' own storage provider (registration would spend minutes hashing passwords).
        var seeding = Stopwatch.StartNew();
        await using (var seedNode = new BenchNode(connectionString, clock, clusterId).Start())
        {
            var storage = seedNode.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
            var protector = seedNode.Services.GetRequiredService<MyStamp.Keys.Contracts.IPersonalDataProtector>();
            using var seedProgress = new Progress("retention: seeding", seeded);
            await Parallel.ForEachAsync(Enumerable.Range(0, seeded), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            {
                var placedAt = PlacedAt(i);
                var address = new PostalAddress($"Benchstraat {i}", "1", null, "1000", "Brussel", "BE");
                var profile = new CustomerProfile(customerIds[i], "Bench", $"Customer{i}", $"bench-{i}@example.test", "Female", null, null, address,
                    AccountType.Consumer, null, 1, placedAt);
                await storage.WriteStateAsync("customer", GrainId.Create("customer", customerIds[i].ToString("N")), new GrainState<CustomerState>(new CustomerState
                {
                    Profile = profile,
                    OrderIds = [orderIds[i]],
                    DesignIds = [designIds[i]],
                    LastOrderAt = placedAt,
                }));
                await storage.WriteStateAsync("studio-design", GrainId.Create("design", designIds[i].ToString("N")), new GrainState<DesignState>(new DesignState
                {
                    OwnerId = customerIds[i],
                    UploadedAt = placedAt,
                    WidthPx = 946,
                    HeightPx = 1183,
                    Format = StampFormat.SmallPortrait,
                    Status = DesignStatus.Approved,
                    ReviewedAt = placedAt,
                    FirstOrderedAt = placedAt,
                    SubmittedAt = placedAt,
                }));
                photos[i] = await protector.Seal(customerIds[i], System.Security.Cryptography.RandomNumberGenerator.GetBytes(PhotoBytes), $"studio-blob:{designIds[i]:N}:print-master");
                await storage.WriteStateAsync("order", GrainId.Create("order", orderIds[i].ToString("N")), new GrainState<OrderState>(new OrderState
                {
                    CustomerId = customerIds[i],
                    DesignId = designIds[i],
                    Tariff = Tariff.BelgiumNonPrior,
                    Sheets = 1,
                    ShippingAddress = address,
                    Status = OrderStatus.Delivered,
                    History = [new StatusChange(OrderStatus.Submitted, placedAt, TransitionSource.Customer)],
                    Price = new OrderPrice("EUR", Tariff.BelgiumNonPrior, 1, 10m, 10m, 21m, 2.10m, 12.10m),
                    Attestation = new ControllerAttestation(customerIds[i], placedAt, 1),
                    PlacedAt = placedAt,
                    RetentionUntil = RetentionPeriod.DeadlineAfter(placedAt),
                }));
                seedProgress.Advance();
            });
        }
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await SeedIndexAndOverview(dataSource, customerIds[..customers], orderIds[..customers], RetentionPeriod.DeadlineAfter(placedAt), placedAt);
        await SeedIndexAndOverview(dataSource, customerIds[customers..], orderIds[customers..], RetentionPeriod.DeadlineAfter(warmUpPlacedAt), warmUpPlacedAt);
        await SeedPhotos(dataSource, designIds, photos);
        // The reminders are lost: only the sweep can erase now.
        await Execute(dataSource, "DELETE FROM orleansreminderstable");
        seeding.Stop();
        Console.WriteLine($"seeded in {seeding.Elapsed.TotalSeconds:0.0} s");

        // 2. Three years and a day after the warm-up customers' last order, a fresh node sweeps them (untimed); a day after
        // the others' deadline, it runs the timed sweep.
        clock.Advance(RetentionPeriod.DeadlineAfter(warmUpPlacedAt) - placedAt + TimeSpan.FromDays(1));
        SweepResult sweep;
        TimeSpan sweepTime;
        var samples = new List<(double Seconds, long Erased)>();
        const int LiveReaders = 8;
        // Transactions of the data database and of its key store beside it: an erasure costs both.
        const string TransactionsOfBothDatabases =
            "SELECT sum(xact_commit + xact_rollback)::bigint FROM pg_stat_database WHERE datname IN (current_database(), current_database() || '_keys')";
        const string ErasedCustomers = "SELECT count(*) FROM retention_deadlines WHERE subject_kind = 'customer' AND erased_at IS NOT NULL";
        const string ErasedOrders = "SELECT count(*) FROM retention_deadlines WHERE subject_kind = 'order' AND erased_at IS NOT NULL";
        long warmUpErasedCustomers = 0, warmUpErasedOrders = 0;
        // Each answer of the live readers: when it was asked (seconds on readsClock) and how long it took (ms).
        var latencies = new List<(double At, double Milliseconds)>();
        var readsClock = Stopwatch.StartNew();
        (double From, double To) sweepWindow = default, purgeWindow = default;
        long transactionsBefore;
        var purge = new Stopwatch();
        await using (var node = new BenchNode(connectionString, clock, clusterId).Start())
        {
            var report = node.Services.GetRequiredService<IRetentionReport>();
            var warmUp = await report.SweepNow();
            warmUpErasedCustomers = await Count(dataSource, ErasedCustomers);
            warmUpErasedOrders = await Count(dataSource, ErasedOrders);
            Console.WriteLine($"warm-up sweep: {warmUpErasedCustomers} of {warmUpCustomers} warm-up customers erased, {warmUp.Failures} failures");
            clock.Advance(RetentionPeriod.DeadlineAfter(placedAt) - clock.GetUtcNow() + TimeSpan.FromDays(1));
            // Live customers who keep reading their profile (GET /api/account/me) while the sweep and the purge run.
            var readers = new List<HttpClient>();
            for (var i = 0; i < LiveReaders; i++)
            {
                readers.Add(await LiveCustomer(node, i));
            }
            using var stopReading = new CancellationTokenSource();
            var reading = readers.Select(reader => ReadProfiles(reader, latencies, readsClock, stopReading.Token)).ToList();
            transactionsBefore = await Count(dataSource, TransactionsOfBothDatabases);
            sweepWindow.From = readsClock.Elapsed.TotalSeconds;
            using var progress = new Progress("retention: sweep erasing", customers);
            var watch = Stopwatch.StartNew();
            var running = report.SweepNow();
            // The erased count, read from the retention index once a second: the progress bar and the rate over time.
            while (await Task.WhenAny(running, Task.Delay(1000)) != running)
            {
                var erased = await Count(dataSource, ErasedCustomers) - warmUpErasedCustomers;
                samples.Add((watch.Elapsed.TotalSeconds, erased));
                progress.Set(erased);
            }
            sweep = await running;
            sweepTime = watch.Elapsed;
            sweepWindow.To = readsClock.Elapsed.TotalSeconds;
            progress.Set(customers);

            // 3. The physical purge the nightly sweep runs afterwards, timed on its own while the readers go on: the key
            // table only (the data tables hold ciphertext whose keys are gone, and are never rewritten).
            purge.Start();
            purgeWindow.From = readsClock.Elapsed.TotalSeconds;
            await using (var keys = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Database = new NpgsqlConnectionStringBuilder(connectionString).Database + "_keys" }.ConnectionString))
            {
                await Execute(keys, "VACUUM FULL data_keys");
                await Execute(keys, "CHECKPOINT");
                await Execute(keys, "SELECT pg_switch_wal()");
                await Execute(keys, "CHECKPOINT");
            }
            purge.Stop();
            purgeWindow.To = readsClock.Elapsed.TotalSeconds;
            stopReading.Cancel();
            await Task.WhenAll(reading);
            readers.ForEach(reader => reader.Dispose());
        }
        // Counted once the node's connections are closed: a backend reports its statistics to pg_stat_database when it
        // exits, while an idle one may hold them back for ten seconds. The purge's few transactions count too.
        await Task.Delay(1500);
        var transactions = await Count(dataSource, TransactionsOfBothDatabases) - transactionsBefore;
        var erasedCustomers = await Count(dataSource, ErasedCustomers) - warmUpErasedCustomers;
        var erasedOrders = await Count(dataSource, ErasedOrders) - warmUpErasedOrders;
        // The live readers' own rows stay: they are not due.
        var customerRowsLeft = await Count(dataSource, "SELECT count(*) FROM orleansstorage WHERE graintypestring = 'customer'") - LiveReaders;
        Console.WriteLine($"sweep: {sweepTime.TotalSeconds:0.0} s, {erasedCustomers} customers and {erasedOrders} orders erased, {customerRowsLeft} customer rows left");
        Console.WriteLine($"sweeps recorded: {await Count(dataSource, "SELECT count(*) FROM retention_sweeps")} (the warm-up and the timed one)");


        // 4. The raw PostgreSQL DELETE rate for the same number of rows (per customer the customer, order and design
        // rows and the photo's row, payloads of the state rows' average size), one statement per row with the same
        // parallelism, then one bulk DELETE.
        var payloadSize = (int)await Count(dataSource, "SELECT coalesce(avg(length(payloadbinary)), 300)::bigint FROM orleansstorage");
        const int RowsPerCustomer = 4;
        var rawSingle = await RawDeleteRate(dataSource, customers * RowsPerCustomer, payloadSize, parallelism, bulk: false);
        var rawBulk = await RawDeleteRate(dataSource, customers * RowsPerCustomer, payloadSize, parallelism, bulk: true);

        var rate = erasedCustomers / sweepTime.TotalSeconds;
        var rawRate = customers * RowsPerCustomer / rawSingle.TotalSeconds;
        samples.Add((sweepTime.TotalSeconds, erasedCustomers));
        var rateOverTime = samples.Zip(samples.Skip(1), (a, b) => (X: b.Seconds, Y: (b.Erased - a.Erased) / (b.Seconds - a.Seconds))).ToList();
        var results = Path.GetDirectoryName(Path.GetFullPath(reportPath))!;
        // The chart is named after the report, so that a scale check's report (retention-100000.md) keeps its own.
        var chart = Chart.Write(Path.Combine(results, $"{Path.GetFileNameWithoutExtension(reportPath)}-erasure.png"), "seconds since the sweep started", "customers erased per second",
        [
            new Series("customers (each with its order) erased by the sweep per second, over the last second", rateOverTime, Chart.Blue),
            new Series("the run's average", [(0, rate), (sweepTime.TotalSeconds, rate)], Chart.Green, Dashed: true),
        ]);

        var text = new StringBuilder();
        text.AppendLine("## Retention: erasure by the backstop sweep");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{customers} customers with one order and one design each (its photo, {PhotoBytes / 1024} KiB, sealed in the blob table), all three years and a day past their last order, their reminders lost: the nightly sweep alone erases them, in one node in this process on a fresh database (`BENCH_CUSTOMERS`; `BENCH_CUSTOMERS=100000 bench/retention/run` is issue 6's scale check, about {100_000 / rate / 60:0.0} minutes at this run's rate). Before it is timed, the same node sweeps {warmUpCustomers} warm-up customers seeded alike, sixty days older (untimed): the timed sweep runs compiled code, as the raw DELETE baseline does, which runs last.");
        text.AppendLine();
        text.AppendLine("| what | value |");
        text.AppendLine("| --- | --- |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| customers erased by the sweep / orders erased with them (each with its design and photo) | {erasedCustomers} / {erasedOrders} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| customer state rows left | {customerRowsLeft} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| sweep failures (subjects whose grain check failed, left to the next sweep) | {sweep.Failures} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| time until all are erased (sweep, parallelism {parallelism}) | {sweepTime.TotalSeconds:0.0} s |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| **erasure rate** | **{rate:0} customers/s** |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| PostgreSQL transactions during the sweep and the purge, data and key store, per customer erased (Npgsql's pooled-connection reset counts as one more each) | {(double)transactions / Math.Max(1, erasedCustomers):0.00} ({transactions} in all) |");
        string Latencies(Func<double, bool> askedWhen)
        {
            var times = latencies.Where(latency => askedWhen(latency.At)).Select(latency => latency.Milliseconds).ToList();
            var percentiles = Percentiles.Of(times);
            return string.Create(CultureInfo.InvariantCulture, $"{percentiles.P50:0.0} / {percentiles.P99:0.0} / {percentiles.Max:0.0} ms ({times.Count} requests)");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"| `GET /api/account/me` of {LiveReaders} live customers during the sweep and the purge: p50 / p99 / max | {Latencies(_ => true)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| the same, asked during the sweep / during the purge | {Latencies(at => at >= sweepWindow.From && at < sweepWindow.To)} / {Latencies(at => at >= purgeWindow.From && at < purgeWindow.To)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| physical purge afterwards: the key table only (VACUUM FULL data_keys, CHECKPOINT; the data tables are never rewritten) | {purge.Elapsed.TotalSeconds:0.0} s |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| baseline: raw PostgreSQL single-row DELETE, {customers * RowsPerCustomer} rows of {payloadSize} bytes, {parallelism} connections | {rawSingle.TotalSeconds:0.0} s ({rawRate:0} rows/s) |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| **ratio customers erased / raw DELETEs** | **{rate / rawRate:0.000}** |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| raw PostgreSQL bulk DELETE of the same rows, one statement | {rawBulk.TotalMilliseconds:0} ms |");
        text.AppendLine();
        text.AppendLine("The sweep erases in batches of its index rows (`Retention:SweepBatchSize`, two batches at a time: the next one's reads");
        text.AppendLine("overlap the previous one's deletions): it loads the due customers' keys and reads their state rows with one query each");
        text.AppendLine("(no activation), records the ids they name (orders, designs, the e-mail index key) and marks their index");
        text.AppendLine("rows in one transaction, destroys the whole batch's keys in one statement of the key store (and evicts them from");
        text.AppendLine("every node), then every module deletes its rows for the whole batch with one statement per table (states, photos,");
        text.AppendLine("design catalog, orders overview, reminders, privacy, audit trail, outbox; the modules at once), and the customers' own rows and");
        text.AppendLine("index rows go last. Each step is idempotent and a batch cut off after its keys went is finished by the next sweep from its");
        text.AppendLine("record. The orders are read only once every customer batch is done: their customers' batches erased them.");
        text.AppendLine("(The bench seeds no e-mail index rows; a real erasure deletes them in the same statement as the customers' rows.)");
        text.AppendLine();
        text.AppendLine(chart);

        Console.WriteLine();
        Console.WriteLine(text);
        Directory.CreateDirectory(Path.GetDirectoryName(reportPath)!);
        await File.WriteAllTextAsync(reportPath, text.ToString());
        await File.WriteAllTextAsync(Path.ChangeExtension(reportPath, ".summary.tsv"), string.Create(CultureInfo.InvariantCulture,
            $"erasure by the retention sweep ({customers} customers with an order and a design each)\t{rate:0} customers/s\traw single-row DELETE {rawRate:0} rows/s\t{rate / rawRate:0.000}\n"));
        return erasedCustomers == customers && warmUpErasedCustomers == warmUpCustomers && customerRowsLeft == 0 ? 0 : 1;

        string Arg(string name, string? fallback = null)
        {
            var index = Array.IndexOf(args, $"--{name}");
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback ?? throw new ArgumentException($"--{name} is required");
        }

        // A registered, signed-in customer of the node (its deadline is three years away: the sweep leaves it alone).
        static async Task<HttpClient> LiveCustomer(BenchNode node, int n)
        {
            var client = node.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
            client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
            var email = $"live-{n}-{Guid.NewGuid():N}@example.test";
            const string password = "live-reader-password";
            using var registered = await client.PostAsync("/api/account/register", JsonBody($$"""
                {"firstName":"Ann","lastName":"Peeters","email":"{{email}}","password":"{{password}}","gender":"Female","birthDate":"1990-04-23",
                 "address":{"street":"Wetstraat","houseNumber":"16","box":null,"postalCode":"1000","city":"Brussel","country":"BE"},
                 "accountType":"Consumer","acceptedPolicyVersion":1}
                """));
            registered.EnsureSuccessStatusCode();
            using var signedIn = await client.PostAsync("/api/account/login", JsonBody($$"""{"email":"{{email}}","password":"{{password}}"}"""));
            signedIn.EnsureSuccessStatusCode();
            return client;
        }

        static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

        // Reads the profile again and again until stopped, recording each answer's time in milliseconds.
        static async Task ReadProfiles(HttpClient client, List<(double At, double Milliseconds)> latencies, Stopwatch readsClock, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                var at = readsClock.Elapsed.TotalSeconds;
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync("/api/account/me", CancellationToken.None);
                response.EnsureSuccessStatusCode();
                lock (latencies)
                {
                    latencies.Add((at, watch.Elapsed.TotalMilliseconds));
                }
            }
        }

        static async Task Execute(NpgsqlDataSource dataSource, string sql)
        {
            await using var command = dataSource.CreateCommand(sql);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
        }

        static async Task<long> Count(NpgsqlDataSource dataSource, string sql)
        {
            await using var command = dataSource.CreateCommand(sql);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        static async Task SeedIndexAndOverview(NpgsqlDataSource dataSource, Guid[] customerIds, Guid[] orderIds, DateTimeOffset deadline, DateTimeOffset placedAt)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using (var writer = await connection.BeginBinaryImportAsync("COPY retention_deadlines (subject_kind, subject_id, deadline) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (kind, ids) in new[] { ("customer", customerIds), ("order", orderIds) })
                {
                    foreach (var id in ids)
                    {
                        await writer.StartRowAsync();
                        await writer.WriteAsync(kind, NpgsqlDbType.Text);
                        await writer.WriteAsync(id, NpgsqlDbType.Uuid);
                        await writer.WriteAsync(deadline.UtcDateTime, NpgsqlDbType.TimestampTz);
                    }
                }
                await writer.CompleteAsync();
            }
            await using (var writer = await connection.BeginBinaryImportAsync(
                "COPY orders_overview (order_id, customer_id, design_id, status, status_at, tariff, sheets, total, currency, placed_at) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < orderIds.Length; i++)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(orderIds[i], NpgsqlDbType.Uuid);
                    await writer.WriteAsync(customerIds[i], NpgsqlDbType.Uuid);
                    await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                    await writer.WriteAsync("Delivered", NpgsqlDbType.Text);
                    await writer.WriteAsync(placedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync("BelgiumNonPrior", NpgsqlDbType.Text);
                    await writer.WriteAsync(1, NpgsqlDbType.Integer);
                    await writer.WriteAsync(12.10m, NpgsqlDbType.Numeric);
                    await writer.WriteAsync("EUR", NpgsqlDbType.Text);
                    await writer.WriteAsync(placedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                }
                await writer.CompleteAsync();
            }
        }

        static async Task SeedPhotos(NpgsqlDataSource dataSource, Guid[] designIds, byte[][] photos)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var writer = await connection.BeginBinaryImportAsync("COPY studio_design_blobs (design_id, kind, content_type, content) FROM STDIN (FORMAT BINARY)");
            for (var i = 0; i < designIds.Length; i++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(designIds[i], NpgsqlDbType.Uuid);
                await writer.WriteAsync("print-master", NpgsqlDbType.Text);
                await writer.WriteAsync("image/jpeg", NpgsqlDbType.Text);
                await writer.WriteAsync(photos[i], NpgsqlDbType.Bytea);
            }
            await writer.CompleteAsync();
        }

        static async Task<TimeSpan> RawDeleteRate(NpgsqlDataSource dataSource, int rows, int payloadSize, int parallelism, bool bulk)
        {
            await Execute(dataSource, "DROP TABLE IF EXISTS bench_raw_delete");
            await Execute(dataSource, "CREATE TABLE bench_raw_delete (id uuid PRIMARY KEY, payload bytea NOT NULL)");
            await Execute(dataSource, $"INSERT INTO bench_raw_delete SELECT gen_random_uuid(), decode(repeat('ab', {payloadSize}), 'hex') FROM generate_series(1, {rows})");
            var ids = new List<Guid>(rows);
            await using (var command = dataSource.CreateCommand("SELECT id FROM bench_raw_delete"))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    ids.Add(reader.GetGuid(0));
                }
            }
            var watch = Stopwatch.StartNew();
            if (bulk)
            {
                await Execute(dataSource, "DELETE FROM bench_raw_delete");
            }
            else
            {
                using var progress = new Progress("retention: raw DELETE baseline", rows);
                await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (id, _) =>
                {
                    await using var command = dataSource.CreateCommand("DELETE FROM bench_raw_delete WHERE id = @id");
                    command.Parameters.AddWithValue("id", id);
                    await command.ExecuteNonQueryAsync();
                    progress.Advance();
                });
            }
            watch.Stop();
            await Execute(dataSource, "DROP TABLE bench_raw_delete");
            return watch.Elapsed;
        }
    }
}
