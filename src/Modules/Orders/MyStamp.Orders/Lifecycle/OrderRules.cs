using MyStamp.BuildingBlocks.Errors;
using MyStamp.Customers.Contracts;

namespace MyStamp.Orders.Lifecycle;

/// <summary>Rules about what may be ordered, shared by single orders and Pro bulk lines.</summary>
internal static class OrderRules
{
    public const int MinSheets = 1;
    public const int MaxSheetsConsumer = 100;
    public const int MaxSheetsPro = 10_000;
    private const int MaxFieldLength = 200;

    public static int MaxSheetsFor(AccountType accountType) => accountType == AccountType.Pro ? MaxSheetsPro : MaxSheetsConsumer;

    public static void CheckSheets(int sheets, int maxSheets, FieldErrors errors)
    {
        if (sheets < MinSheets || sheets > maxSheets)
        {
            errors.Add("sheets", $"Order from {MinSheets} to {maxSheets} sheets.");
        }
    }

    /// <summary>Checks the shape of an address; field names are prefixed (e.g. "shippingAddress.street"). Messages never repeat the value.</summary>
    public static void CheckAddress(PostalAddress address, string prefix, FieldErrors errors)
    {
        Required(address.Street, "street");
        Required(address.HouseNumber, "houseNumber");
        Optional(address.Box, "box");
        Required(address.PostalCode, "postalCode");
        Required(address.City, "city");
        Required(address.Country, "country");

        void Required(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(Field(field), "Required.");
            }
            else
            {
                Optional(value, field);
            }
        }

        void Optional(string? value, string field)
        {
            if (value is { Length: > MaxFieldLength })
            {
                errors.Add(Field(field), $"At most {MaxFieldLength} characters.");
            }
        }

        string Field(string field) => prefix.Length == 0 ? field : $"{prefix}.{field}";
    }

    /// <summary>The same address with surrounding spaces removed and an empty box as none.</summary>
    public static PostalAddress Tidy(PostalAddress address) => new(
        address.Street?.Trim() ?? "",
        address.HouseNumber?.Trim() ?? "",
        string.IsNullOrWhiteSpace(address.Box) ? null : address.Box.Trim(),
        address.PostalCode?.Trim() ?? "",
        address.City?.Trim() ?? "",
        address.Country?.Trim() ?? "");
}
