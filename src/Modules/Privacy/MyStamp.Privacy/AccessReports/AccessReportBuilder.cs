using System.Globalization;
using MyStamp.Customers.Contracts;
using MyStamp.Privacy.Contracts;
using MyStamp.Privacy.Requests;

namespace MyStamp.Privacy.AccessReports;

/// <summary>
/// Assembles the Art. 15 report from the customer's data and the register: each item with its category
/// and source, and the context the register gives (purposes, recipients, transfers, retention, rights).
/// </summary>
internal static class AccessReportBuilder
{
    public static AccessReport Build(
        CustomerProfile profile,
        ObjectionsView objections,
        bool restricted,
        IReadOnlyList<AccessReportRecord> orders,
        IReadOnlyList<AccessReportRecord> designs,
        IReadOnlyList<AdminAccess> adminAccesses,
        ProcessingRegister register,
        DateTimeOffset now)
    {
        var items = new List<AccessReportItem>();
        void Add(string categoryId, string? value)
        {
            var category = register.DataCategories.Single(c => c.Id == categoryId);
            items.Add(new AccessReportItem(category.Id, category.Name, value, category.Source));
        }
        Add("firstName", profile.FirstName);
        Add("lastName", profile.LastName);
        Add("address", FormatAddress(profile.Address));
        Add("email", profile.Email);
        Add("birthDate", profile.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("gender", profile.Gender);
        Add("phone", profile.Phone);
        if (profile.AccountType == AccountType.Pro || profile.VatNumber is not null)
        {
            Add("vatNumber", profile.VatNumber);
        }
        if (designs.Count > 0)
        {
            Add("material", $"{designs.Count} uploaded photo(s), listed below");
        }
        return new AccessReport(
            profile.CustomerId, now, profile, items, objections, restricted, orders, designs,
            ErasureDue(profile, orders), adminAccesses.OrderByDescending(a => a.At).ToList(), register);
    }

    /// <summary>Three years after the last order (O7); without orders, three years after registration.</summary>
    public static DateOnly ErasureDue(CustomerProfile profile, IReadOnlyList<AccessReportRecord> orders)
    {
        var from = orders.Count > 0 ? orders.Max(o => o.At) : profile.RegisteredAt;
        return BrusselsCalendar.DateOf(from).AddYears(3);
    }

    public static string FormatAddress(PostalAddress address) =>
        $"{address.Street} {address.HouseNumber}{(string.IsNullOrWhiteSpace(address.Box) ? "" : $" bus {address.Box}")}, {address.PostalCode} {address.City}, {address.Country}";
}
