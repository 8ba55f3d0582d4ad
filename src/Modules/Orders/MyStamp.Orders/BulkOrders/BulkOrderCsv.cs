using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Customers.Contracts;
using MyStamp.Orders.Contracts;
using MyStamp.Orders.Lifecycle;

namespace MyStamp.Orders.BulkOrders;

/// <summary>One line of a bulk file: either what to order or why it cannot be ordered.</summary>
/// <param name="Line">The line number in the file; the header is line 1.</param>
/// <param name="Problems">Why the line cannot be ordered, per column; empty for a good line.</param>
internal sealed record BulkLine(int Line, Guid DesignId, Tariff Tariff, int Sheets, PostalAddress? Address, IReadOnlyList<BulkLineProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>The problems in one English sentence after the other, or null for a good line.</summary>
    public string? Error => IsValid ? null : string.Join(" ", Problems);

    /// <summary>Holds a recipient address: never logged.</summary>
    public override string ToString() => $"BulkLine {{ Line = {Line}, Valid = {IsValid} }}";
}

/// <summary>
/// Reads a Pro bulk file with CsvHelper. A header names the columns (any order, any case, comma or
/// semicolon): designId, tariff, sheets, street, houseNumber, box (may be empty), postalCode, city, country.
/// A file that cannot be read at all is refused; a bad line only marks that line. Messages never repeat
/// the values of a line (they may be personal data).
/// </summary>
internal static class BulkOrderCsv
{
    public const int MaxLines = 10_000;

    private static readonly string[] RequiredColumns = ["designid", "tariff", "sheets", "street", "housenumber", "postalcode", "city", "country"];
    private const string BoxColumn = "box";

    public static IReadOnlyList<BulkLine> Parse(byte[] file)
    {
        using var reader = new StreamReader(new MemoryStream(file), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var badRows = new HashSet<int>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            PrepareHeaderForMatch = args => Normalise(args.Header),
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = args => badRows.Add(args.Context.Parser?.Row ?? 0),
        };
        using var csv = new CsvReader(reader, configuration);

        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
        {
            throw DomainException.Invalid("file", "The file is empty: it needs a header line and at least one order line.");
        }
        var present = header.Select(Normalise).ToHashSet(StringComparer.Ordinal);
        var missing = RequiredColumns.Where(column => !present.Contains(column)).ToList();
        if (missing.Count > 0)
        {
            throw DomainException.Invalid("file", $"The header misses the column(s) {string.Join(", ", missing)}. Expected: designId, tariff, sheets, street, houseNumber, box, postalCode, city, country.");
        }
        var hasBox = present.Contains(BoxColumn);

        var lines = new List<BulkLine>();
        try
        {
            while (csv.Read())
            {
                if (lines.Count == MaxLines)
                {
                    throw DomainException.Invalid("file", $"A bulk order holds at most {MaxLines} lines; split the file.");
                }
                var line = csv.Parser.Row;
                lines.Add(badRows.Contains(line)
                    ? Invalid(line, [new BulkLineProblem("", "The line is not valid CSV (check its quotes).")])
                    : ReadLine(csv, line, hasBox));
            }
        }
        catch (CsvHelperException)
        {
            // Only a broken file gets here (bad data is reported per line above); its content stays out of the message.
            throw DomainException.Invalid("file", "The file could not be read as CSV.");
        }
        if (lines.Count == 0)
        {
            throw DomainException.Invalid("file", "The file has no order lines.");
        }
        return lines;
    }

    private static BulkLine ReadLine(CsvReader csv, int line, bool hasBox)
    {
        var problems = new List<BulkLineProblem>();
        var designText = csv.GetField("designid");
        if (!Guid.TryParse(designText, out var designId))
        {
            problems.Add(new BulkLineProblem("designId", "Not a design id."));
        }
        var tariff = ParseTariff(csv.GetField("tariff"));
        if (tariff is null)
        {
            problems.Add(new BulkLineProblem("tariff", $"Use one of {string.Join(", ", Enum.GetNames<Tariff>())}."));
        }
        if (!int.TryParse(csv.GetField("sheets"), NumberStyles.None, CultureInfo.InvariantCulture, out var sheets)
            || sheets < OrderRules.MinSheets || sheets > OrderRules.MaxSheetsPro)
        {
            problems.Add(new BulkLineProblem("sheets", $"A whole number from {OrderRules.MinSheets} to {OrderRules.MaxSheetsPro}."));
        }
        var address = OrderRules.Tidy(new PostalAddress(
            csv.GetField("street") ?? "",
            csv.GetField("housenumber") ?? "",
            hasBox ? csv.GetField(BoxColumn) : null,
            csv.GetField("postalcode") ?? "",
            csv.GetField("city") ?? "",
            csv.GetField("country") ?? ""));
        var addressErrors = new FieldErrors();
        OrderRules.CheckAddress(address, "", addressErrors);
        problems.AddRange(addressErrors.ToDictionary().SelectMany(pair => pair.Value.Select(message => new BulkLineProblem(pair.Key, message))));

        return problems.Count == 0
            ? new BulkLine(line, designId, tariff!.Value, sheets, address, [])
            : Invalid(line, problems);
    }

    private static BulkLine Invalid(int line, IReadOnlyList<BulkLineProblem> problems) => new(line, Guid.Empty, default, 0, null, problems);

    /// <summary>Tariff names in any case, with or without separators: "Europe", "belgium-prior", "BELGIUM_NON_PRIOR".</summary>
    internal static Tariff? ParseTariff(string? text)
    {
        var wanted = Normalise(text ?? "");
        return Enum.GetValues<Tariff>().Cast<Tariff?>().FirstOrDefault(tariff => Normalise(tariff.ToString()!) == wanted && wanted.Length > 0);
    }

    private static string Normalise(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
