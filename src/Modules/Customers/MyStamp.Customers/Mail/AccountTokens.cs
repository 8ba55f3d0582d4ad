using System.Security.Cryptography;
using MyStamp.Retention.Contracts;
using Npgsql;

namespace MyStamp.Customers.Mail;

/// <summary>What a mailed link is for.</summary>
internal enum TokenPurpose
{
    VerifyEmail,
    ResetPassword,
}

/// <summary>A redeemed token: whose it was, and the keyed hash of the address it was mailed to.</summary>
internal sealed record RedeemedToken(Guid CustomerId, string EmailKey);

/// <summary>
/// The single-use, expiring tokens of mailed links (<c>account_tokens</c>). A token is 256 random bits, in the link
/// only; the table keeps its SHA-256. Redeeming is one UPDATE that succeeds once, on whichever node, before expiry.
/// </summary>
internal sealed class AccountTokens(NpgsqlDataSource dataSource, TimeProvider clock) : IPersonalDataEraser
{
    public static readonly TimeSpan VerificationLifetime = TimeSpan.FromHours(48);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);

    public string Name => "account-tokens";

    /// <summary>Creates a token for the customer; returns the token for the link.</summary>
    public async Task<string> Issue(Guid customerId, TokenPurpose purpose, string emailKey)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO account_tokens (token_hash, customer_id, purpose, email_key, created_at, expires_at)
            VALUES (@hash, @customer, @purpose, @email_key, @now, @expires)
            """);
        command.Parameters.AddWithValue("hash", Hash(token));
        command.Parameters.AddWithValue("customer", customerId);
        command.Parameters.AddWithValue("purpose", PurposeName(purpose));
        command.Parameters.AddWithValue("email_key", emailKey);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        command.Parameters.AddWithValue("expires", (now + Lifetime(purpose)).UtcDateTime);
        await command.ExecuteNonQueryAsync();
        return token;
    }

    /// <summary>Whose the token is, while it is unused and unexpired; null otherwise. Uses nothing up.</summary>
    public async Task<RedeemedToken?> Peek(string? token, TokenPurpose purpose)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }
        await using var command = dataSource.CreateCommand("""
            SELECT customer_id, email_key FROM account_tokens
            WHERE token_hash = @hash AND purpose = @purpose AND used_at IS NULL AND expires_at > @now
            """);
        AddLookup(command, token!, purpose);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new RedeemedToken(reader.GetGuid(0), reader.GetString(1)) : null;
    }

    /// <summary>Uses the token up: succeeds once, while unexpired; null for an unknown, used or expired token.</summary>
    public async Task<RedeemedToken?> Redeem(string? token, TokenPurpose purpose)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }
        await using var command = dataSource.CreateCommand("""
            UPDATE account_tokens SET used_at = @now
            WHERE token_hash = @hash AND purpose = @purpose AND used_at IS NULL AND expires_at > @now
            RETURNING customer_id, email_key
            """);
        AddLookup(command, token!, purpose);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new RedeemedToken(reader.GetGuid(0), reader.GetString(1)) : null;
    }

    /// <summary>Ends every unused token of a purpose (a new password makes older reset links worthless).</summary>
    public async Task Revoke(Guid customerId, TokenPurpose purpose)
    {
        await using var command = dataSource.CreateCommand("UPDATE account_tokens SET used_at = @now WHERE customer_id = @customer AND purpose = @purpose AND used_at IS NULL");
        command.Parameters.AddWithValue("customer", customerId);
        command.Parameters.AddWithValue("purpose", PurposeName(purpose));
        command.Parameters.AddWithValue("now", clock.GetUtcNow().UtcDateTime);
        await command.ExecuteNonQueryAsync();
    }

    public async Task EraseCustomer(ErasedCustomer customer, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM account_tokens WHERE customer_id = @customer");
        command.Parameters.AddWithValue("customer", customer.CustomerId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The sweep's batch: one statement for all of them.</summary>
    public async Task EraseCustomers(IReadOnlyList<ErasedCustomer> customers, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM account_tokens WHERE customer_id = ANY(@customers)");
        command.Parameters.AddWithValue("customers", customers.Select(customer => customer.CustomerId).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void AddLookup(NpgsqlCommand command, string token, TokenPurpose purpose)
    {
        command.Parameters.AddWithValue("hash", Hash(token));
        command.Parameters.AddWithValue("purpose", PurposeName(purpose));
        command.Parameters.AddWithValue("now", clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>43 characters of base64url: anything else is no token of ours and costs no query.</summary>
    private static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string PurposeName(TokenPurpose purpose) => purpose == TokenPurpose.VerifyEmail ? "verify-email" : "reset-password";

    private static TimeSpan Lifetime(TokenPurpose purpose) => purpose == TokenPurpose.VerifyEmail ? VerificationLifetime : ResetLifetime;
}
