using System.Buffers.Binary;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Iptc;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;
using SixLabors.ImageSharp.PixelFormats;

namespace MyStamp.Studio.Tests;

/// <summary>Photos made on the spot for the tests: honest ones with camera data, and hostile ones.</summary>
public static class TestPhotos
{
    public static readonly Rgba32 Red = new(220, 20, 30);
    public static readonly Rgba32 Blue = new(20, 40, 200);

    /// <summary>
    /// A JPEG as a phone makes it: a gradient with a red top-left quarter, and EXIF carrying the camera, GPS
    /// position and an orientation, plus IPTC and XMP that name a place.
    /// </summary>
    public static byte[] CameraJpeg(int width, int height, ushort orientation = 1)
    {
        using var image = new Image<Rgba32>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = x < width / 2 && y < height / 2
                        ? Red
                        : new Rgba32((byte)(x * 255 / width), (byte)(y * 255 / height), 160);
                }
            }
        });
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "PhoneMaker");
        exif.SetValue(ExifTag.Model, "Pocket Camera 12");
        exif.SetValue(ExifTag.Orientation, orientation);
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(50, 1), new Rational(50, 1), new Rational(3456, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(4, 1), new Rational(21, 1), new Rational(1234, 100)]);
        image.Metadata.ExifProfile = exif;
        var iptc = new IptcProfile();
        iptc.SetValue(IptcTag.City, "Brussels");
        image.Metadata.IptcProfile = iptc;
        image.Metadata.XmpProfile = new XmpProfile(Encoding.UTF8.GetBytes(
            """<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Brussels"/></rdf:RDF></x:xmpmeta>"""));
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = 85 });
        return output.ToArray();
    }

    /// <summary>The camera photo as a PNG (noisy enough not to compress to nothing).</summary>
    public static byte[] CameraPng(int width, int height)
    {
        using var image = Image.Load<Rgba32>(CameraJpeg(width, height));
        using var output = new MemoryStream();
        image.SaveAsPng(output, new PngEncoder());
        return output.ToArray();
    }

    /// <summary>A plain PNG of one colour.</summary>
    public static byte[] Png(int width, int height, Rgba32 colour)
    {
        using var image = new Image<Rgba32>(width, height, colour);
        using var output = new MemoryStream();
        image.SaveAsPng(output, new PngEncoder());
        return output.ToArray();
    }

    /// <summary>A JPEG cut off halfway: the header is intact, the pixels are not.</summary>
    public static byte[] TruncatedJpeg() => CameraJpeg(1200, 900)[..6000];

    /// <summary>
    /// A decompression bomb: a few hundred bytes whose header declares 100000 × 100000 pixels (40 GB once
    /// decoded). Only a valid header and a tiny compressed stream; decoding it would be the mistake.
    /// </summary>
    public static byte[] PngBombHeader(int width = 100_000, int height = 100_000)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // truecolour
        WriteChunk(output, "IHDR", header);
        // A zlib stream of zeros: highly compressible, as bombs are.
        using (var zlib = new MemoryStream())
        {
            using (var deflate = new System.IO.Compression.ZLibStream(zlib, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
            {
                deflate.Write(new byte[64 * 1024]);
            }
            WriteChunk(output, "IDAT", zlib.ToArray());
        }
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A photo in a format the studio does not decode at all (GIF, TIFF, BMP): refused from its header.</summary>
    public static byte[] Foreign(SixLabors.ImageSharp.Formats.IImageEncoder encoder, int width = 1200, int height = 900)
    {
        using var image = new Image<Rgba32>(width, height, Blue);
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }

    /// <summary>
    /// The mutation corpus: a copy of <paramref name="source"/> with bits flipped at random, as the fuzzer zzuf
    /// does (its default ratio is 0.004 of the bits). The same seed gives the same file, so a failure repeats.
    /// </summary>
    public static byte[] Mutated(byte[] source, int seed, double ratio = 0.004)
    {
        var random = new Random(seed);
        var bytes = (byte[])source.Clone();
        var flips = Math.Max(1, (int)(bytes.Length * 8 * ratio));
        for (var i = 0; i < flips; i++)
        {
            var bit = random.NextInt64(bytes.LongLength * 8);
            bytes[bit / 8] ^= (byte)(1 << (int)(bit % 8));
        }
        return bytes;
    }

    public static byte[] TextRenamedJpg() => Encoding.UTF8.GetBytes("Dear customer,\nthis is a text file, not a photo.\n");

    public static byte[] Svg() => Encoding.UTF8.GetBytes(
        """<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="4000" height="3000"><rect width="4000" height="3000" fill="red"/></svg>""");

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, System.IO.Hashing.Crc32.HashToUInt32(typeAndData));
        output.Write(crc);
    }
}
