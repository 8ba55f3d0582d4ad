using MyStamp.Customers.Profile;

namespace MyStamp.Customers.Tests;

public class AgeRuleTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Fact]
    public void A_person_may_open_an_account_on_their_sixteenth_birthday() =>
        Assert.True(AgeRule.IsOldEnough(new DateOnly(2010, 6, 15), Today));

    [Fact]
    public void A_person_one_day_short_of_sixteen_may_not() =>
        Assert.False(AgeRule.IsOldEnough(new DateOnly(2010, 6, 16), Today));

    [Fact]
    public void Someone_born_on_29_February_turns_sixteen_on_29_February()
    {
        // Sixteen years after a leap year is a leap year again (until 2100).
        var leapDay = new DateOnly(2008, 2, 29);
        Assert.False(AgeRule.IsOldEnough(leapDay, new DateOnly(2024, 2, 28)));
        Assert.True(AgeRule.IsOldEnough(leapDay, new DateOnly(2024, 2, 29)));
    }

    [Fact]
    public void A_birth_date_today_or_later_is_not_in_the_past()
    {
        Assert.False(AgeRule.IsInThePast(Today, Today));
        Assert.False(AgeRule.IsInThePast(Today.AddDays(1), Today));
        Assert.True(AgeRule.IsInThePast(Today.AddDays(-1), Today));
    }
}
