using System.Globalization;
using System.Resources;
using MyStamp.Customers.Contracts;
using MyStamp.Mail.Contracts;
using MyStamp.Privacy.Contracts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MyStamp.Privacy.AccessReports;

/// <summary>
/// Renders the access report as an A4 PDF with PDFsharp: the same content as the page, its headings, labels, dates
/// and numbers in the reader's language. The register's descriptions it quotes stay the English summary, said so.
/// </summary>
internal static class AccessReportPdf
{
    private static readonly ResourceManager Texts = new("MyStamp.Privacy.AccessReports.AccessReportText", typeof(AccessReportPdf).Assembly);

    /// <param name="language">nl, fr, de or en: the customer's stored language, or the language of the request it answers.</param>
    public static byte[] Render(AccessReport report, string language)
    {
        ReportFonts.Install();
        var t = new ReportLanguage(Texts, language);
        using var document = new PdfDocument();
        document.Info.Title = t["MyStamp access report"];
        document.Info.Creator = "MyStamp";
        document.Language = t.Code;
        var flow = new Flow(document);
        var register = report.Register;

        flow.Title(t["Your personal data at MyStamp"]);
        flow.Text(t["Access report under GDPR Article 15, made on {0}. Controller: {1}, {2}.", t.Moment(report.GeneratedAt), register.Controller.Name, register.Controller.Address]);
        if (t.Code != MailLanguages.English)
        {
            flow.Text(t["The privacy policy in its Dutch original is the text that applies. The descriptions quoted from the processing register (purposes, recipients, transfers, retention, rights) are an English summary, given as a translation for information."]);
        }

        flow.Heading(t["Your data, and where it comes from"]);
        foreach (var item in report.Data)
        {
            flow.Pair(t[item.Category], t["{0} — source: {1}", Value(item, report, t), t[item.Source]]);
        }
        flow.Pair(t["Account type"], t[report.Profile.AccountType.ToString()]);
        flow.Pair(t["Registered on"], t.Date(DateOnly.FromDateTime(report.Profile.RegisteredAt.UtcDateTime)));
        flow.Pair(t["Policy version accepted"], report.Profile.AcceptedPolicyVersion.ToString(t.Culture));

        flow.Heading(t["Orders"]);
        Records(flow, t, report.Orders, t["No orders."]);
        flow.Heading(t["Uploaded photos"]);
        Records(flow, t, report.Designs, t["No photos."]);

        flow.Heading(t["Your choices"]);
        flow.Pair(t["Advertising objected to"], report.Objections.Advertising.Count == 0 ? t["none"] : string.Join(", ", report.Objections.Advertising.Select(channel => t[AdvertisingChannelNames.English(channel)])));
        flow.Pair(t["Survey invitations"], report.Objections.Surveys ? t["objected to"] : t["allowed"]);
        flow.Pair(t["Processing restricted"], report.Restricted ? t["yes"] : t["no"]);

        flow.Heading(t["Why we process it, and on which legal basis"]);
        foreach (var purpose in register.Purposes)
        {
            flow.Bullet(t["{0} Legal basis: {1}. {2}", purpose.Description, string.Join(" / ", purpose.LegalBases), purpose.LegalBasisExplanation]);
        }
        flow.Text(register.ProcessorRole);

        flow.Heading(t["Who receives it"]);
        foreach (var processor in register.Recipients)
        {
            flow.Bullet(processor.AccessFrom is { } from && from != processor.Country
                ? t["{0}: {1}, {2}, access from {3}.", processor.Name, processor.Service, processor.Country, from]
                : t["{0}: {1}, {2}.", processor.Name, processor.Service, processor.Country]);
        }
        flow.Heading(t["Transfers outside the European Economic Area"]);
        foreach (var transfer in register.Transfers)
        {
            var name = register.Recipients.FirstOrDefault(p => p.Id == transfer.ProcessorId)?.Name ?? transfer.ProcessorId;
            flow.Bullet(t["{0} → {1}. Safeguard: {2}", name, transfer.Country, transfer.Safeguard]);
        }

        flow.Heading(t["How long we keep it"]);
        foreach (var rule in register.Retention)
        {
            flow.Bullet($"{rule.Data}: {rule.Rule}");
        }
        if (report.ErasureDue is { } due)
        {
            flow.Pair(t["Your data is due for erasure on"], t.Date(due));
        }

        flow.Heading(t["Profiling and automated decisions"]);
        flow.Text(register.ProfilingAndAutomatedDecisions);

        flow.Heading(t["Which of our staff looked at your data"]);
        if (report.AdminAccesses.Count == 0)
        {
            flow.Text(t["Nobody."]);
        }
        foreach (var access in report.AdminAccesses)
        {
            flow.Bullet(t["{0} — admin {1}: {2}", t.Moment(access.At), access.AdminId, access.What]);
        }

        flow.Heading(t["Your rights"]);
        foreach (var right in register.Rights)
        {
            flow.Bullet(right);
        }
        flow.Text(t["Write to {0}, {1}, or use the web form on the privacy page. Supervisory authority: {2}, {3}, {4}.",
            register.DataProtectionOffice.Name, register.DataProtectionOffice.Address, register.SupervisoryAuthority.Name, register.SupervisoryAuthority.Address, register.SupervisoryAuthority.Website ?? ""]);

        flow.Finish();
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    /// <summary>The item's value; the count of uploaded photos is said in the reader's language.</summary>
    private static string Value(AccessReportItem item, AccessReport report, ReportLanguage t) => item switch
    {
        { Value: null } => t["(not given)"],
        { CategoryId: "material" } => t["{0} uploaded photo(s), listed below", report.Designs.Count],
        _ => item.Value,
    };

    private static void Records(Flow flow, ReportLanguage t, IReadOnlyList<AccessReportRecord> records, string none)
    {
        if (records.Count == 0)
        {
            flow.Text(none);
        }
        foreach (var record in records)
        {
            flow.Bullet($"{t.Date(DateOnly.FromDateTime(record.At.UtcDateTime))} — {record.Description} ({record.Id})");
        }
    }

    /// <summary>Text that flows down A4 pages, wrapping words and starting a new page when one is full.</summary>
    private sealed class Flow
    {
        private const double Margin = 50;
        private static readonly XFont TitleFont = new(ReportFonts.Family, 18, XFontStyleEx.Bold);
        private static readonly XFont HeadingFont = new(ReportFonts.Family, 12.5, XFontStyleEx.Bold);
        private static readonly XFont BodyFont = new(ReportFonts.Family, 9.5, XFontStyleEx.Regular);
        private static readonly XFont LabelFont = new(ReportFonts.Family, 9.5, XFontStyleEx.Bold);
        private readonly PdfDocument _document;
        private XGraphics _graphics = null!;
        private double _y;
        private double _width;
        private double _bottom;

        public Flow(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        public void Title(string text) => Write(text, TitleFont, 0, 8);

        public void Heading(string text)
        {
            _y += 8;
            Write(text, HeadingFont, 0, 4);
        }

        public void Text(string text) => Write(text, BodyFont, 0, 4);

        public void Bullet(string text)
        {
            Ensure(BodyFont.GetHeight());
            _graphics.DrawString("•", BodyFont, XBrushes.Black, Margin + 4, _y, XStringFormats.TopLeft);
            Write(text, BodyFont, 14, 2);
        }

        public void Pair(string label, string value)
        {
            Ensure(BodyFont.GetHeight());
            _graphics.DrawString(label + ":", LabelFont, XBrushes.Black, Margin, _y, XStringFormats.TopLeft);
            Write(value, BodyFont, 170, 2);
        }

        private void Write(string text, XFont font, double indent, double spaceAfter)
        {
            var lineHeight = font.GetHeight() * 1.15;
            var available = _width - indent;
            foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                foreach (var line in Wrap(paragraph, font, available))
                {
                    Ensure(lineHeight);
                    _graphics.DrawString(line, font, XBrushes.Black, Margin + indent, _y, XStringFormats.TopLeft);
                    _y += lineHeight;
                }
            }
            _y += spaceAfter;
        }

        private IEnumerable<string> Wrap(string paragraph, XFont font, double width)
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && _graphics.MeasureString(candidate, font).Width > width)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }
            yield return line;
        }

        public void Finish() => _graphics.Dispose();

        private void Ensure(double height)
        {
            if (_y + height > _bottom)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            var page = _document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(page);
            _width = page.Width.Point - 2 * Margin;
            _bottom = page.Height.Point - Margin;
            _y = Margin;
        }
    }
}
