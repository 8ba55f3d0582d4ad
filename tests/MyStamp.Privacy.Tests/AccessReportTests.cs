using MyStamp.Customers.Contracts;
using MyStamp.Privacy.AccessReports;
using MyStamp.Privacy.Contracts;
using MyStamp.Privacy.Register;

namespace MyStamp.Privacy.Tests;

/// <summary>The Art. 15 report quotes the register and gives the customer's own erasure date (O3, O6, O7).</summary>
public class AccessReportTests
{
    private static readonly CustomerProfile Profile = new(Guid.NewGuid(), "Lotte", "Janssens", "lotte@example.be", "F", new DateOnly(1990, 2, 3), null,
        new PostalAddress("Meir", "12", "3", "2000", "Antwerpen", "BE"), AccountType.Consumer, null, 1, new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_report_lists_each_item_with_its_source_and_quotes_the_register()
    {
        var report = AccessReportBuilder.Build(Profile, new ObjectionsView([], false), false, [], [], [], ProcessingRegisterCatalog.Register, DateTimeOffset.UnixEpoch);

        Assert.Contains(report.Data, item => item.CategoryId == "email" && item.Value == "lotte@example.be" && item.Source.Length > 0);
        Assert.Contains(report.Data, item => item.CategoryId == "address" && item.Value!.Contains("Meir 12 bus 3", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Data, item => item.CategoryId == "vatNumber");
        Assert.Contains(report.Register.Transfers, transfer => transfer.ProcessorId == "tcs" && transfer.Country == "India");
    }

    [Fact]
    public void Erasure_is_due_three_years_after_the_last_order()
    {
        var orders = new[]
        {
            new AccessReportRecord(Guid.NewGuid(), new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero), "older"),
            new AccessReportRecord(Guid.NewGuid(), new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.Zero), "newest"),
        };

        Assert.Equal(new DateOnly(2029, 6, 15), AccessReportBuilder.ErasureDue(Profile, orders));
    }

    [Fact]
    public void The_report_renders_as_a_pdf_with_embedded_fonts()
    {
        var report = AccessReportBuilder.Build(Profile, new ObjectionsView([AdvertisingChannel.Post], true), false, [], [],
            [new AdminAccess(Guid.NewGuid(), DateTimeOffset.UnixEpoch, "Opened their request")], ProcessingRegisterCatalog.Register, DateTimeOffset.UnixEpoch);

        var pdf = AccessReportPdf.Render(report, "en");

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Contains("+DejaVu#20Sans", System.Text.Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void A_German_reader_gets_the_report_with_German_headings_labels_and_dates()
    {
        var report = AccessReportBuilder.Build(Profile, new ObjectionsView([AdvertisingChannel.Phone], true), false, [], [], [],
            ProcessingRegisterCatalog.Register, new DateTimeOffset(2026, 3, 5, 9, 30, 0, TimeSpan.Zero));

        var lines = PdfText.Lines(AccessReportPdf.Render(report, "de"));
        var text = string.Join(" ", lines);

        Assert.Contains("Ihre personenbezogenen Daten bei MyStamp", lines);
        Assert.Contains("Ihre Daten und woher sie stammen", lines);
        Assert.Contains("Welche unserer Mitarbeitenden Ihre Daten angesehen haben", lines);
        // Made at 10:30 in Brussels, as German writes the date; the customer registered on 10 January 2025.
        Assert.Contains("erstellt am 5. März 2026, 10:30", text, StringComparison.Ordinal);
        Assert.Contains("10. Januar 2025", lines);
        Assert.Contains("Telefon", lines);
        Assert.DoesNotContain("Your data, and where it comes from", lines);
    }

    [Fact]
    public void Without_another_language_the_report_stays_English()
    {
        var report = AccessReportBuilder.Build(Profile, new ObjectionsView([], false), false, [], [], [], ProcessingRegisterCatalog.Register, DateTimeOffset.UnixEpoch);

        var lines = PdfText.Lines(AccessReportPdf.Render(report, "en"));

        Assert.Contains("Your data, and where it comes from", lines);
        Assert.Contains("Nobody.", lines);
    }
}
