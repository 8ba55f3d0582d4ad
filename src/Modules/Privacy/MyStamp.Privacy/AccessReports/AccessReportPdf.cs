using System.Globalization;
using MyStamp.Privacy.Contracts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MyStamp.Privacy.AccessReports;

/// <summary>Renders the access report as an A4 PDF with PDFsharp: the same content as the page.</summary>
internal static class AccessReportPdf
{
    public static byte[] Render(AccessReport report)
    {
        ReportFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = "MyStamp access report";
        document.Info.Creator = "MyStamp";
        var flow = new Flow(document);
        var register = report.Register;

        flow.Title("Your personal data at MyStamp");
        flow.Text($"Access report under GDPR Article 15, made on {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC. Controller: {register.Controller.Name}, {register.Controller.Address}.");

        flow.Heading("Your data, and where it comes from");
        foreach (var item in report.Data)
        {
            flow.Pair(item.Category, $"{item.Value ?? "(not given)"} — source: {item.Source}");
        }
        flow.Pair("Account type", report.Profile.AccountType.ToString());
        flow.Pair("Registered on", report.Profile.RegisteredAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        flow.Pair("Policy version accepted", report.Profile.AcceptedPolicyVersion.ToString(CultureInfo.InvariantCulture));

        flow.Heading("Orders");
        Records(flow, report.Orders, "No orders.");
        flow.Heading("Uploaded photos");
        Records(flow, report.Designs, "No photos.");

        flow.Heading("Your choices");
        flow.Pair("Advertising objected to", report.Objections.Advertising.Count == 0 ? "none" : string.Join(", ", report.Objections.Advertising));
        flow.Pair("Survey invitations", report.Objections.Surveys ? "objected to" : "allowed");
        flow.Pair("Processing restricted", report.Restricted ? "yes" : "no");

        flow.Heading("Why we process it, and on which legal basis");
        foreach (var purpose in register.Purposes)
        {
            flow.Bullet($"{purpose.Description} Legal basis: {string.Join(" / ", purpose.LegalBases)}. {purpose.LegalBasisExplanation}");
        }
        flow.Text(register.ProcessorRole);

        flow.Heading("Who receives it");
        foreach (var processor in register.Recipients)
        {
            flow.Bullet($"{processor.Name}: {processor.Service}, {processor.Country}{(processor.AccessFrom is { } from && from != processor.Country ? $", access from {from}" : "")}.");
        }
        flow.Heading("Transfers outside the European Economic Area");
        foreach (var transfer in register.Transfers)
        {
            var name = register.Recipients.FirstOrDefault(p => p.Id == transfer.ProcessorId)?.Name ?? transfer.ProcessorId;
            flow.Bullet($"{name} → {transfer.Country}. Safeguard: {transfer.Safeguard}");
        }

        flow.Heading("How long we keep it");
        foreach (var rule in register.Retention)
        {
            flow.Bullet($"{rule.Data}: {rule.Rule}");
        }
        if (report.ErasureDue is { } due)
        {
            flow.Pair("Your data is due for erasure on", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        flow.Heading("Profiling and automated decisions");
        flow.Text(register.ProfilingAndAutomatedDecisions);

        flow.Heading("Which of our staff looked at your data");
        if (report.AdminAccesses.Count == 0)
        {
            flow.Text("Nobody.");
        }
        foreach (var access in report.AdminAccesses)
        {
            flow.Bullet($"{access.At:yyyy-MM-dd HH:mm} UTC — admin {access.AdminId}: {access.What}");
        }

        flow.Heading("Your rights");
        foreach (var right in register.Rights)
        {
            flow.Bullet(right);
        }
        flow.Text($"Write to {register.DataProtectionOffice.Name}, {register.DataProtectionOffice.Address}, or use the web form on the privacy page. Supervisory authority: {register.SupervisoryAuthority.Name}, {register.SupervisoryAuthority.Address}, {register.SupervisoryAuthority.Website}.");

        flow.Finish();
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static void Records(Flow flow, IReadOnlyList<AccessReportRecord> records, string none)
    {
        if (records.Count == 0)
        {
            flow.Text(none);
        }
        foreach (var record in records)
        {
            flow.Bullet($"{record.At:yyyy-MM-dd} — {record.Description} ({record.Id})");
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
