using MyStamp.Customers.Profile;

namespace MyStamp.Customers.Tests;

public class PostalCodeRuleTests
{
    [Theory]
    [InlineData("BE", "1000", "1000")]
    [InlineData("BE", " 9000 ", "9000")]
    [InlineData("NL", "1012AB", "1012 AB")]
    [InlineData("NL", "1012 ab", "1012 AB")]
    [InlineData("FR", "75001", "75001")]
    [InlineData("FR", "01000", "01000")]
    [InlineData("DE", "10115", "10115")]
    [InlineData("DE", "01067", "01067")]
    [InlineData("LU", "L-1234", "1234")]
    [InlineData("LU", "1234", "1234")]
    [InlineData("GB", "sw1a 1aa", "SW1A 1AA")]
    public void Postal_codes_are_accepted_and_written_as_the_post_office_does(string country, string input, string normalised) =>
        Assert.Equal(normalised, PostalCodeRule.Normalise(country, input));

    [Theory]
    [InlineData("BE", "100")]
    [InlineData("BE", "0999")]
    [InlineData("BE", "10000")]
    [InlineData("NL", "1234")]
    [InlineData("NL", "0123 AB")]
    [InlineData("NL", "1234 SS")]
    [InlineData("FR", "7500")]
    [InlineData("FR", "99000")]
    [InlineData("DE", "00123")]
    [InlineData("DE", "1011A")]
    [InlineData("LU", "12345")]
    [InlineData("LU", "B-1234")]
    [InlineData("GB", "!")]
    public void Postal_codes_of_the_wrong_format_for_their_country_are_refused(string country, string input) =>
        Assert.Null(PostalCodeRule.Normalise(country, input));
}
