using MyStamp.Customers.Profile;

namespace MyStamp.Customers.Tests;

public class VatNumberRuleTests
{
    [Theory]
    [InlineData("BE0123.456.749", "BE0123456749")]
    [InlineData("BE 0123 456 749", "BE0123456749")]
    [InlineData("be0123456749", "BE0123456749")]
    [InlineData("0123456749", "BE0123456749")]
    [InlineData("0123.456.749", "BE0123456749")]
    [InlineData("123456749", "BE0123456749")]
    [InlineData("0403.000.653", "BE0403000653")]
    [InlineData("BE0876.219.707", "BE0876219707")]
    [InlineData("1000.000.021", "BE1000000021")]
    public void Belgian_enterprise_numbers_are_accepted_in_every_usual_notation(string input, string normalised)
    {
        Assert.Equal(normalised, VatNumberRule.Normalise(input, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("BE0123.456.789")]
    [InlineData("0123456748")]
    [InlineData("BE0876.219.708")]
    [InlineData("1000000022")]
    public void A_Belgian_number_with_wrong_check_digits_is_refused(string input)
    {
        Assert.Null(VatNumberRule.Normalise(input, out var problem));
        Assert.Contains("check digits", problem);
    }

    [Fact]
    public void Every_single_digit_typo_in_a_valid_number_is_caught()
    {
        // Mod 97 catches all single-digit substitutions in the first eight digits and the check digits.
        const string valid = "0876219707";
        for (var position = 0; position < valid.Length; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit == valid[position] || (position == 0 && digit is not ('0' or '1')))
                {
                    continue;
                }
                var typo = valid[..position] + digit + valid[(position + 1)..];
                Assert.Null(VatNumberRule.Normalise(typo, out _));
            }
        }
    }

    [Theory]
    [InlineData("BE01234567")]
    [InlineData("BE01234567490")]
    [InlineData("2123456749")]
    [InlineData("BE0123A56749")]
    [InlineData("")]
    public void A_Belgian_number_of_the_wrong_shape_is_refused(string input) =>
        Assert.Null(VatNumberRule.Normalise(input, out _));

    [Theory]
    [InlineData("NL123456789B01", "NL123456789B01")]
    [InlineData("FR 40 303 265 045", "FR40303265045")]
    [InlineData("DE 123456789", "DE123456789")]
    [InlineData("LU12345678", "LU12345678")]
    [InlineData("IT12345678901", "IT12345678901")]
    public void Numbers_of_other_EU_countries_are_checked_for_their_shape(string input, string normalised) =>
        Assert.Equal(normalised, VatNumberRule.Normalise(input, out _));

    [Theory]
    [InlineData("NL123456789")]
    [InlineData("DE12345678")]
    [InlineData("LU123456789")]
    [InlineData("US123456789")]
    public void Numbers_that_do_not_fit_their_country_are_refused(string input) =>
        Assert.Null(VatNumberRule.Normalise(input, out _));

    [Fact]
    public void An_oversized_input_is_refused_without_parsing() =>
        Assert.Null(VatNumberRule.Normalise(new string('1', 10_000), out _));
}
