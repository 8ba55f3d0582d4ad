namespace MyStamp.Customers.Accounts;

/// <summary>A password hash and the lock-out counter of one account (customer or admin).</summary>
[GenerateSerializer]
[Alias("mystamp.customers.credentials")]
internal sealed class Credentials
{
    /// <summary>After this many wrong passwords in a row the account is locked...</summary>
    public const int MaxFailedAttempts = 5;
    /// <summary>...for this long. Sign-ins during the lock-out fail even with the right password.</summary>
    public static readonly TimeSpan LockOutDuration = TimeSpan.FromMinutes(15);

    [Id(0)] public string PasswordHash { get; set; } = "";
    [Id(1)] public int FailedAttempts { get; set; }
    [Id(2)] public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>
    /// Checks a password and updates the lock-out counter. The hash is always computed, also while
    /// locked, so that the answer time does not tell a locked account from a wrong password.
    /// </summary>
    public (bool Accepted, bool Changed) Check(Passwords passwords, string password, DateTimeOffset now)
    {
        var matches = passwords.Verify(PasswordHash, password);
        if (LockedUntil is { } until && now < until)
        {
            return (false, false);
        }
        if (matches)
        {
            var changed = FailedAttempts != 0 || LockedUntil is not null;
            FailedAttempts = 0;
            LockedUntil = null;
            return (true, changed);
        }
        FailedAttempts++;
        LockedUntil = null;
        if (FailedAttempts >= MaxFailedAttempts)
        {
            LockedUntil = now + LockOutDuration;
            FailedAttempts = 0;
        }
        return (false, true);
    }
}
