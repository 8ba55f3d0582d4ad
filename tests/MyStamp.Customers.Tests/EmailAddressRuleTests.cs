using MyStamp.Customers.Profile;

namespace MyStamp.Customers.Tests;

public class EmailAddressRuleTests
{
    [Theory]
    [InlineData("ann@example.be")]
    [InlineData("ann.peeters+stamps@mail.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("a@b.xn--p1ai")]
    public void Ordinary_addresses_are_accepted(string email) => Assert.True(EmailAddressRule.IsValid(email));

    [Theory]
    [InlineData("")]
    [InlineData("ann")]
    [InlineData("ann@")]
    [InlineData("@example.be")]
    [InlineData("ann@example")]
    [InlineData("ann@@example.be")]
    [InlineData("ann@peeters@example.be")]
    [InlineData("ann peeters@example.be")]
    [InlineData(".ann@example.be")]
    [InlineData("ann.@example.be")]
    [InlineData("an..n@example.be")]
    [InlineData("ann@-example.be")]
    [InlineData("ann@example.b")]
    [InlineData("ann@example.123")]
    [InlineData("Ann <ann@example.be>")]
    [InlineData("ann@[127.0.0.1]")]
    public void Malformed_addresses_are_refused(string email) => Assert.False(EmailAddressRule.IsValid(email));

    [Fact]
    public void Addresses_longer_than_254_characters_are_refused() =>
        Assert.False(EmailAddressRule.IsValid(new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".be"));

    [Fact]
    public void One_address_in_any_case_and_with_spaces_around_is_one_look_up_key() =>
        Assert.Equal(EmailAddressRule.Normalise("ann@example.be"), EmailAddressRule.Normalise("  Ann@EXAMPLE.be "));
}
