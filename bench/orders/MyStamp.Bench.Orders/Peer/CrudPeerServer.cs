using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MyStamp.Bench.Orders.Peer;

/// <summary>
/// The peer to beat (issue 18): order placement and status changes the way a team without Orleans would write them,
/// plain ASP.NET Core minimal APIs over Npgsql on the same PostgreSQL. Each request is one transaction: read the
/// customer and design rows, check them, insert the order, update the overview and the customer's last-order date,
/// commit; a status change pushes to the customer's SignalR connections from the request that made it. Cookie sign-in
/// like MyStamp's; the customer row read inside each placement carries the session version check, so the peer pays
/// no extra round trip for it. No sealing of personal data, no reminders: what a plain CRUD shop would not have.
/// Runs in a process of its own (<c>MyStamp.Bench.Orders peer-server --urls … --connection-string …</c>).
/// </summary>
internal static class CrudPeerServer
{
    public const string Hub = "/hubs/orders";

    private static readonly string[] Lifecycle = ["Submitted", "Paid", "InProduction", "Printed", "Shipped", "Delivered"];
    private static readonly Dictionary<string, decimal> PricePerSheet = new()
    {
        ["BelgiumNonPrior"] = 11.90m,
        ["BelgiumPrior"] = 14.50m,
        ["Europe"] = 21.00m,
        ["World"] = 26.00m,
    };

    public static async Task Run(string[] args)
    {
        string Arg(string name) => args[Array.IndexOf(args, $"--{name}") + 1];
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Arg("urls"));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(NpgsqlDataSource.Create(Arg("connection-string")));
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = "peer.auth";
            options.Events.OnRedirectToLogin = context => { context.Response.StatusCode = 401; return Task.CompletedTask; };
            options.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = 403; return Task.CompletedTask; };
        });
        builder.Services.AddAuthorization();
        builder.Services.AddSignalR();
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        await CreateSchema(app.Services.GetRequiredService<NpgsqlDataSource>());
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/health/ready", () => Results.Ok());
        app.MapPost("/api/account/login", Login);
        app.MapPost("/api/orders", Place).RequireAuthorization();
        app.MapPost("/api/orders/{id:guid}/pay", (Guid id, ClaimsPrincipal user, NpgsqlDataSource db, IHubContext<PeerOrdersHub> hub) =>
            Move(id, "Paid", CustomerId(user), db, hub));
        app.MapPost("/api/admin/orders/{id:guid}/status", (Guid id, StatusRequest request, NpgsqlDataSource db, IHubContext<PeerOrdersHub> hub) =>
            Move(id, request.Status ?? "", null, db, hub)).RequireAuthorization(policy => policy.RequireRole("admin"));
        app.MapHub<PeerOrdersHub>(Hub);
        await app.RunAsync();
    }

    private sealed record LoginRequest(string Email, string Password);
    private sealed record PlaceRequest(Guid? DesignId, string? Tariff, int? Sheets, bool? ControllerAttestation);
    private sealed record StatusRequest(string? Status);

    private static Guid CustomerId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private static async Task<IResult> Login(LoginRequest request, NpgsqlDataSource db, HttpContext context)
    {
        await using var command = db.CreateCommand("SELECT id, password_hash, is_admin, session_version FROM peer_customers WHERE email = @email");
        command.Parameters.AddWithValue("email", request.Email.Trim().ToLowerInvariant());
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()
            || new PasswordHasher<object>().VerifyHashedPassword(new object(), reader.GetString(1), request.Password) == PasswordVerificationResult.Failed)
        {
            return Results.Problem(title: "Wrong e-mail address or password.", statusCode: 401);
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, reader.GetGuid(0).ToString()),
            new("session-version", reader.GetInt32(3).ToString(CultureInfo.InvariantCulture)),
        };
        if (reader.GetBoolean(2))
        {
            claims.Add(new(ClaimTypes.Role, "admin"));
        }
        await context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
        return Results.Ok();
    }

    private static async Task<IResult> Place(PlaceRequest request, ClaimsPrincipal user, NpgsqlDataSource db)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.DesignId is null) errors["designId"] = ["Required."];
        if (request.Tariff is null || !PricePerSheet.ContainsKey(request.Tariff)) errors["tariff"] = ["Choose one of the tariffs."];
        if (request.Sheets is null or < 1) errors["sheets"] = ["At least one sheet."];
        if (request.ControllerAttestation != true) errors["controllerAttestation"] = ["Confirm that you may use the likeness of the people shown."];
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }
        var customerId = CustomerId(user);
        var sessionVersion = int.Parse(user.FindFirstValue("session-version") ?? "0", CultureInfo.InvariantCulture);

        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        string accountType, street, houseNumber, postalCode, city, country;
        string? vatNumber;
        int policyVersion;
        await using (var read = new NpgsqlCommand("""
            SELECT account_type, vat_number, street, house_number, postal_code, city, country, accepted_policy_version, session_version
            FROM peer_customers WHERE id = @id
            """, connection, transaction))
        {
            read.Parameters.AddWithValue("id", customerId);
            await using var reader = await read.ExecuteReaderAsync();
            if (!await reader.ReadAsync() || reader.GetInt32(8) != sessionVersion)
            {
                return Results.Problem(title: "Sign in again.", statusCode: 401);
            }
            accountType = reader.GetString(0);
            vatNumber = reader.IsDBNull(1) ? null : reader.GetString(1);
            (street, houseNumber, postalCode, city, country) = (reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6));
            policyVersion = reader.GetInt32(7);
        }
        if (request.Sheets > (accountType == "Pro" ? 10_000 : 50))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["sheets"] = ["Too many sheets."] });
        }
        await using (var design = new NpgsqlCommand("SELECT status FROM peer_designs WHERE id = @id AND owner_id = @owner", connection, transaction))
        {
            design.Parameters.AddWithValue("id", request.DesignId!.Value);
            design.Parameters.AddWithValue("owner", customerId);
            if (await design.ExecuteScalarAsync() is not string status || status != "Approved")
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["designId"] = ["Choose one of your own approved designs."] });
            }
        }

        var orderId = Guid.CreateVersion7();
        var now = DateTime.UtcNow;
        var total = PricePerSheet[request.Tariff!] * request.Sheets!.Value;
        var history = JsonSerializer.Serialize(new[] { new { status = "Submitted", at = now, source = "Customer" } });
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO peer_orders (id, customer_id, design_id, tariff, sheets, street, house_number, postal_code, city, country, status, history,
                total, currency, enterprise_number, attested_at, policy_version, placed_at, retention_until)
            VALUES (@id, @customer, @design, @tariff, @sheets, @street, @house, @postal, @city, @country, 'Submitted', @history::jsonb,
                @total, 'EUR', @vat, @now, @policy, @now, @retention)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", orderId);
            insert.Parameters.AddWithValue("customer", customerId);
            insert.Parameters.AddWithValue("design", request.DesignId!.Value);
            insert.Parameters.AddWithValue("tariff", request.Tariff!);
            insert.Parameters.AddWithValue("sheets", request.Sheets!.Value);
            insert.Parameters.AddWithValue("street", street);
            insert.Parameters.AddWithValue("house", houseNumber);
            insert.Parameters.AddWithValue("postal", postalCode);
            insert.Parameters.AddWithValue("city", city);
            insert.Parameters.AddWithValue("country", country);
            insert.Parameters.AddWithValue("history", history);
            insert.Parameters.AddWithValue("total", total);
            insert.Parameters.AddWithValue("vat", (object?)vatNumber ?? DBNull.Value);
            insert.Parameters.AddWithValue("now", now);
            insert.Parameters.AddWithValue("policy", policyVersion);
            insert.Parameters.AddWithValue("retention", now.AddYears(3));
            await insert.ExecuteNonQueryAsync();
        }
        await using (var overview = new NpgsqlCommand("""
            INSERT INTO peer_orders_overview (order_id, customer_id, design_id, status, status_at, tariff, sheets, total, currency, placed_at)
            VALUES (@id, @customer, @design, 'Submitted', @now, @tariff, @sheets, @total, 'EUR', @now)
            """, connection, transaction))
        {
            overview.Parameters.AddWithValue("id", orderId);
            overview.Parameters.AddWithValue("customer", customerId);
            overview.Parameters.AddWithValue("design", request.DesignId!.Value);
            overview.Parameters.AddWithValue("now", now);
            overview.Parameters.AddWithValue("tariff", request.Tariff!);
            overview.Parameters.AddWithValue("sheets", request.Sheets!.Value);
            overview.Parameters.AddWithValue("total", total);
            await overview.ExecuteNonQueryAsync();
        }
        await using (var customer = new NpgsqlCommand("UPDATE peer_customers SET last_order_at = @now WHERE id = @id", connection, transaction))
        {
            customer.Parameters.AddWithValue("id", customerId);
            customer.Parameters.AddWithValue("now", now);
            await customer.ExecuteNonQueryAsync();
        }
        await using (var design = new NpgsqlCommand("UPDATE peer_designs SET first_ordered_at = @now WHERE id = @id AND first_ordered_at IS NULL", connection, transaction))
        {
            design.Parameters.AddWithValue("id", request.DesignId!.Value);
            design.Parameters.AddWithValue("now", now);
            await design.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return Results.Created($"/api/orders/{orderId}", new { orderId, status = "Submitted", total, currency = "EUR", placedAt = now });
    }

    /// <summary>One status change: checked against the lifecycle under a row lock, stored with the overview, then pushed.</summary>
    private static async Task<IResult> Move(Guid orderId, string next, Guid? owner, NpgsqlDataSource db, IHubContext<PeerOrdersHub> hub)
    {
        var nextIndex = Array.IndexOf(Lifecycle, next);
        if (nextIndex < 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Unknown status."] });
        }
        var now = DateTime.UtcNow;
        Guid customerId;
        await using (var connection = await db.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var read = new NpgsqlCommand("SELECT customer_id, status FROM peer_orders WHERE id = @id FOR UPDATE", connection, transaction))
            {
                read.Parameters.AddWithValue("id", orderId);
                await using var reader = await read.ExecuteReaderAsync();
                if (!await reader.ReadAsync() || (owner is { } expected && reader.GetGuid(0) != expected))
                {
                    return Results.Problem(title: "The order was not found.", statusCode: 404);
                }
                customerId = reader.GetGuid(0);
                if (Array.IndexOf(Lifecycle, reader.GetString(1)) != nextIndex - 1)
                {
                    return Results.Problem(title: $"An order that is {reader.GetString(1)} cannot become {next}.", statusCode: 409);
                }
            }
            var change = JsonSerializer.Serialize(new[] { new { status = next, at = now, source = owner is null ? "Admin" : "Payment" } });
            await using (var update = new NpgsqlCommand("""
                UPDATE peer_orders SET status = @status, history = history || @change::jsonb,
                    payment_reference = CASE WHEN @status = 'Paid' THEN @reference ELSE payment_reference END
                WHERE id = @id
                """, connection, transaction))
            {
                update.Parameters.AddWithValue("id", orderId);
                update.Parameters.AddWithValue("status", next);
                update.Parameters.AddWithValue("change", change);
                update.Parameters.AddWithValue("reference", $"SIM-{orderId:N}");
                await update.ExecuteNonQueryAsync();
            }
            await using (var overview = new NpgsqlCommand("UPDATE peer_orders_overview SET status = @status, status_at = @now WHERE order_id = @id", connection, transaction))
            {
                overview.Parameters.AddWithValue("id", orderId);
                overview.Parameters.AddWithValue("status", next);
                overview.Parameters.AddWithValue("now", now);
                await overview.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }
        var at = new DateTimeOffset(now, TimeSpan.Zero);
        await hub.Clients.User(customerId.ToString()).SendAsync("OrderStatusChanged", new { orderId, status = next, at });
        return Results.Ok(new { orderId, status = next });
    }

    private static async Task CreateSchema(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("""
            CREATE TABLE IF NOT EXISTS peer_customers (
                id uuid PRIMARY KEY, email text NOT NULL UNIQUE, password_hash text NOT NULL, is_admin boolean NOT NULL DEFAULT false,
                session_version integer NOT NULL DEFAULT 0, first_name text NOT NULL, last_name text NOT NULL,
                street text NOT NULL, house_number text NOT NULL, postal_code text NOT NULL, city text NOT NULL, country text NOT NULL,
                account_type text NOT NULL, vat_number text, accepted_policy_version integer NOT NULL,
                registered_at timestamptz NOT NULL, last_order_at timestamptz);
            CREATE TABLE IF NOT EXISTS peer_designs (
                id uuid PRIMARY KEY, owner_id uuid NOT NULL REFERENCES peer_customers(id), status text NOT NULL, first_ordered_at timestamptz);
            CREATE TABLE IF NOT EXISTS peer_orders (
                id uuid PRIMARY KEY, customer_id uuid NOT NULL REFERENCES peer_customers(id), design_id uuid NOT NULL REFERENCES peer_designs(id),
                tariff text NOT NULL, sheets integer NOT NULL, street text NOT NULL, house_number text NOT NULL, postal_code text NOT NULL,
                city text NOT NULL, country text NOT NULL, status text NOT NULL, history jsonb NOT NULL, total numeric NOT NULL, currency text NOT NULL,
                enterprise_number text, attested_at timestamptz NOT NULL, policy_version integer NOT NULL, placed_at timestamptz NOT NULL,
                retention_until timestamptz NOT NULL, payment_reference text);
            CREATE TABLE IF NOT EXISTS peer_orders_overview (
                order_id uuid PRIMARY KEY, customer_id uuid NOT NULL, design_id uuid NOT NULL, status text NOT NULL, status_at timestamptz NOT NULL,
                tariff text NOT NULL, sheets integer NOT NULL, total numeric NOT NULL, currency text NOT NULL, placed_at timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS peer_orders_overview_customer ON peer_orders_overview (customer_id, placed_at DESC);
            CREATE INDEX IF NOT EXISTS peer_orders_overview_status ON peer_orders_overview (status, status_at);
            """);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The peer's hub: messages go to the signed-in customer's own connections (Clients.User).</summary>
[Authorize]
internal sealed class PeerOrdersHub(NpgsqlDataSource db) : Microsoft.AspNetCore.SignalR.Hub
{
    public async Task<List<StatusMessage>> GetMyOrders()
    {
        await using var command = db.CreateCommand("SELECT order_id, status, status_at FROM peer_orders_overview WHERE customer_id = @id ORDER BY placed_at DESC LIMIT 500");
        command.Parameters.AddWithValue("id", Guid.Parse(Context.UserIdentifier!));
        await using var reader = await command.ExecuteReaderAsync();
        var orders = new List<StatusMessage>();
        while (await reader.ReadAsync())
        {
            orders.Add(new StatusMessage(reader.GetGuid(0), reader.GetString(1), new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero)));
        }
        return orders;
    }
}
