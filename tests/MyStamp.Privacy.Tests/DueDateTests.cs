using MyStamp.Privacy.Requests;

namespace MyStamp.Privacy.Tests;

/// <summary>GDPR Art. 12(3): one month from receipt, extendable once by two months during the first month (O10).</summary>
public class DueDateTests
{
    [Theory]
    [InlineData("2026-03-05", "2026-04-05")]
    [InlineData("2026-01-31", "2026-02-28")]
    [InlineData("2028-01-31", "2028-02-29")]
    [InlineData("2026-12-15", "2027-01-15")]
    public void A_request_is_due_one_month_after_receipt_or_at_the_end_of_a_shorter_month(string received, string due)
    {
        Assert.Equal(DateOnly.Parse(due), DueDates.Initial(DateOnly.Parse(received)));
    }

    [Theory]
    [InlineData("2026-03-05", "2026-06-05")]
    [InlineData("2026-01-31", "2026-04-30")]
    public void An_extension_adds_two_months_counted_from_receipt(string received, string due)
    {
        Assert.Equal(DateOnly.Parse(due), DueDates.DueBy(DateOnly.Parse(received), extended: true));
    }

    [Fact]
    public void The_deadline_can_be_extended_during_the_first_month_up_to_its_last_day()
    {
        var received = new DateOnly(2026, 3, 5);

        Assert.Null(DueDates.WhyNotExtendable(received, alreadyExtended: false, today: received));
        Assert.Null(DueDates.WhyNotExtendable(received, alreadyExtended: false, today: new DateOnly(2026, 4, 5)));
        Assert.NotNull(DueDates.WhyNotExtendable(received, alreadyExtended: false, today: new DateOnly(2026, 4, 6)));
    }

    [Fact]
    public void The_deadline_can_be_extended_only_once()
    {
        var received = new DateOnly(2026, 3, 5);

        Assert.NotNull(DueDates.WhyNotExtendable(received, alreadyExtended: true, today: received));
    }

    [Fact]
    public void A_request_is_overdue_from_the_day_after_its_due_date()
    {
        var due = new DateOnly(2026, 4, 5);

        Assert.False(DueDates.IsOverdue(due, due));
        Assert.True(DueDates.IsOverdue(due, due.AddDays(1)));
    }

    [Fact]
    public void The_date_of_receipt_is_the_date_in_Brussels()
    {
        // 23:30 UTC on 31 March is already 1 April in Brussels (summer time, UTC+2).
        Assert.Equal(new DateOnly(2026, 4, 1), BrusselsCalendar.DateOf(new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero)));
    }
}
