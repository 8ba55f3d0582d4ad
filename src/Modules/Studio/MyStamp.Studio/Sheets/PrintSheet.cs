using MyStamp.BuildingBlocks.Imaging;
using MyStamp.Studio.Contracts;
using MyStamp.Studio.Photos;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace MyStamp.Studio.Sheets;

/// <summary>
/// The print-ready sheet: one A4 page with ten stamps of the design, each picture rendered at exactly
/// 300 DPI of its printed size, and crop marks around every stamp. Lines and images only: no fonts needed.
/// </summary>
internal sealed class PrintSheet(ImagingGate gate)
{
    private static readonly JpegEncoder PrintEncoder = new() { Quality = 95 };

    public Task<byte[]> Render(StoredPicture source, Crop crop, StampFormatSize format) =>
        gate.Run(PhotoIntake.Subject, async cancellation =>
        {
            var (photo, region) = await gate.LoadForCrop(source, crop, cancellation);
            using var decoded = photo;
            using var picture = PrintPicture(photo, region, format);
            return ToPdf(picture, format);
        });

    /// <summary>The crop resampled to the picture's size at 300 DPI: what the printer gets.</summary>
    public static Image<Rgba32> PrintPicture(Image<Rgba32> photo, Crop crop, StampFormatSize format) =>
        photo.Clone(pixels => pixels
            .Crop(new Rectangle(crop.X, crop.Y, crop.Width, crop.Height))
            .Resize(new ResizeOptions { Size = new Size(format.PrintWidthPx, format.PrintHeightPx), Mode = ResizeMode.Stretch, Sampler = KnownResamplers.Lanczos3 }));

    /// <summary>Lays the picture out ten times on one page with crop marks.</summary>
    public static byte[] ToPdf(Image<Rgba32> picture, StampFormatSize format)
    {
        var jpeg = new MemoryStream();
        picture.Save(jpeg, PrintEncoder);
        jpeg.Position = 0;

        var layout = new SheetLayout(format);
        using var document = new PdfDocument();
        document.Info.Creator = "MyStamp";
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(SheetLayout.PageWidthMm);
        page.Height = XUnit.FromMillimeter(SheetLayout.PageHeightMm);
        using (var graphics = XGraphics.FromPdfPage(page))
        using (var image = XImage.FromStream(jpeg))
        {
            foreach (var place in layout.Pictures)
            {
                graphics.DrawImage(image, Pt(place.X), Pt(place.Y), Pt(place.Width), Pt(place.Height));
            }
            // Hairline registration black, as printers expect crop marks.
            var pen = new XPen(XColors.Black, 0.25);
            foreach (var mark in layout.CropMarks)
            {
                graphics.DrawLine(pen, Pt(mark.X1), Pt(mark.Y1), Pt(mark.X2), Pt(mark.Y2));
            }
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static double Pt(double mm) => XUnit.FromMillimeter(mm).Point;
}
