using MyStamp.BuildingBlocks.Errors;
using MyStamp.Customers.Accounts;
using MyStamp.Customers.Profile;

namespace MyStamp.Customers.Tests;

public class PasswordAndLockOutTests
{
    private static readonly Passwords Passwords = new();
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaaa")]
    public void Weak_passwords_are_refused(string? password)
    {
        var errors = new FieldErrors();
        Assert.Null(PasswordRule.Validate(password, errors));
        Assert.True(errors.ToDictionary().ContainsKey("password"));
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("abcdefghij12")]
    [InlineData("1234567890")]
    [InlineData("iloveyou2024")]
    public void A_password_of_the_right_length_that_is_easy_to_guess_is_refused(string password)
    {
        var errors = new FieldErrors();

        Assert.Null(PasswordRule.Validate(password, errors));
        Assert.Equal([PasswordRule.TooEasyMessage], errors.ToDictionary()["password"]);
    }

    [Theory]
    [InlineData("Peeters2024!")]
    [InlineData("annpeeters1990")]
    [InlineData("ANN.PEETERS@example.be")]
    [InlineData("my name is ann.peeters")]
    public void A_password_built_from_the_customers_own_name_or_e_mail_is_refused(string password)
    {
        var errors = new FieldErrors();

        Assert.Null(PasswordRule.Validate(password, errors, ["Ann", "Peeters", "ann.peeters@example.be"]));
        Assert.Equal([PasswordRule.PersonalMessage], errors.ToDictionary()["password"]);
    }

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("Tr0ub4dor&3x-lamp")]
    [InlineData("purple otter under the bridge")]
    public void A_password_hard_to_guess_is_accepted(string password)
    {
        var errors = new FieldErrors();

        Assert.Equal(password, PasswordRule.Validate(password, errors, ["Ann", "Peeters", "ann.peeters@example.be"]));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("mystamp-admin-dev")] // ./mystamp run's Development admin (AdminSeeding)
    [InlineData("Bench-admin-password-1234")] // bench/orders/run
    [InlineData("Bench-password-1234")] // the benchmark's customers
    [InlineData("test-admin-password")] // MyStampNode
    [InlineData("soak-admin-password")] // SoakCluster
    public void The_passwords_the_scripts_seed_pass_the_rule(string password)
    {
        // A seeded admin whose password the rule refuses stops the node at start-up.
        Assert.Equal(password, PasswordRule.Validate(password, new FieldErrors()));
    }

    [Fact]
    public void The_password_is_stored_only_as_a_salted_hash()
    {
        var first = Passwords.Hash("correct horse battery");
        var second = Passwords.Hash("correct horse battery");
        Assert.DoesNotContain("correct horse battery", first);
        Assert.NotEqual(first, second);
        Assert.True(Passwords.Verify(first, "correct horse battery"));
        Assert.False(Passwords.Verify(first, "Correct horse battery"));
    }

    [Fact]
    public void The_fifth_wrong_password_locks_for_fifteen_minutes()
    {
        var credentials = new Credentials { PasswordHash = Passwords.Hash("correct horse battery") };
        for (var i = 0; i < Credentials.MaxFailedAttempts; i++)
        {
            Assert.False(credentials.Check(Passwords, "wrong", Now).Accepted);
        }
        Assert.Equal(Now + TimeSpan.FromMinutes(15), credentials.LockedUntil);
        Assert.False(credentials.Check(Passwords, "correct horse battery", Now.AddMinutes(14)).Accepted);
        Assert.True(credentials.Check(Passwords, "correct horse battery", Now.AddMinutes(15)).Accepted);
        Assert.Null(credentials.LockedUntil);
        Assert.Equal(0, credentials.FailedAttempts);
    }
}
