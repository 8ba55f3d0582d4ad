using MyStamp.Customers.Profile;

namespace MyStamp.Customers.Tests;

public class PhoneNumberRuleTests
{
    [Theory]
    [InlineData("0470 12 34 56", "BE", "+32470123456")]
    [InlineData("+32 470 12 34 56", "NL", "+32470123456")]
    [InlineData("02 549 81 11", "BE", "+3225498111")]
    [InlineData("06 12345678", "NL", "+31612345678")]
    [InlineData("0033 1 42 68 53 00", "BE", "+33142685300")]
    [InlineData("(030) 1234567", "DE", "+49301234567")]
    public void Phone_numbers_are_stored_in_E164(string input, string country, string e164) =>
        Assert.Equal(e164, PhoneNumberRule.ToE164(input, country));

    [Theory]
    [InlineData("12")]
    [InlineData("call me maybe")]
    [InlineData("0470 12 34")]
    [InlineData("+32 000 00 00 00")]
    public void Numbers_that_cannot_be_called_are_refused(string input) =>
        Assert.Null(PhoneNumberRule.ToE164(input, "BE"));

    [Fact]
    public void An_oversized_input_is_refused_without_parsing() =>
        Assert.Null(PhoneNumberRule.ToE164(new string('4', 500), "BE"));

    [Theory]
    [InlineData("BE", true)]
    [InlineData("LU", true)]
    [InlineData("XX", false)]
    [InlineData("be", false)]
    public void Countries_are_two_letter_ISO_codes(string code, bool known) =>
        Assert.Equal(known, PhoneNumberRule.IsKnownCountry(code));
}
