using System.Buffers.Binary;

namespace MyStamp.Studio.Photos;

/// <summary>
/// The JPEG decoder forgives a file that stops halfway (it paints the rest grey), and a stamp printed with
/// grey bands is no use to anyone: this walks the marker segments to the image data and checks that the
/// end-of-image marker follows it. It also takes a JPEG's metadata out without touching its image data.
/// </summary>
internal static class JpegStructure
{
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;

    /// <summary>
    /// The same JPEG without any metadata: every APP1–APP15 segment (EXIF with GPS, camera and thumbnail, XMP,
    /// ICC, IPTC, MPF, makers' notes) and every comment is left out, and so is anything after the end-of-image
    /// marker (phones append second pictures and videos there). The frame, tables and compressed image data are
    /// copied byte for byte, so the pixels are exactly the camera's, without a second lossy encoding. JFIF (APP0)
    /// and Adobe (APP14, which says how the colours were transformed) stay. Call only on a file
    /// <see cref="IsComplete"/> accepted.
    /// </summary>
    public static byte[] WithoutMetadata(ReadOnlySpan<byte> jpeg)
    {
        using var output = new MemoryStream(jpeg.Length);
        output.Write(jpeg[..2]); // SOI
        var at = 2;
        while (at + 1 < jpeg.Length)
        {
            var marker = jpeg[at + 1];
            if (jpeg[at] != 0xFF)
            {
                throw new InvalidDataException("Not a marker where one was expected.");
            }
            if (marker == 0xFF)
            {
                at++;
                continue;
            }
            if (marker == EndOfImage)
            {
                output.Write(jpeg.Slice(at, 2));
                return output.ToArray();
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                output.Write(jpeg.Slice(at, 2));
                at += 2;
                continue;
            }
            if (at + 4 > jpeg.Length)
            {
                throw new InvalidDataException("A segment is cut off.");
            }
            var end = at + 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 2)..]);
            if (end > jpeg.Length)
            {
                throw new InvalidDataException("A segment runs past the end of the file.");
            }
            if (!IsMetadata(marker))
            {
                output.Write(jpeg[at..end]);
            }
            at = end;
            if (marker == StartOfScan)
            {
                // Entropy-coded data runs to the next marker that is not a stuffed byte or a restart marker.
                var data = at;
                while (at + 1 < jpeg.Length && !(jpeg[at] == 0xFF && jpeg[at + 1] is not (0x00 or 0xFF or (>= 0xD0 and <= 0xD7))))
                {
                    at++;
                }
                output.Write(jpeg[data..at]);
            }
        }
        throw new InvalidDataException("The JPEG has no end-of-image marker.");
    }

    private static bool IsMetadata(byte marker) => marker is (>= 0xE1 and <= 0xEF and not 0xEE) or 0xFE;

    public static bool IsComplete(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            return false;
        }
        var at = 2;
        while (at + 1 < jpeg.Length)
        {
            if (jpeg[at] != 0xFF)
            {
                return false;
            }
            var marker = jpeg[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }
            if (marker == 0xD9)
            {
                return true;
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2; // markers without a length
                continue;
            }
            if (at + 4 > jpeg.Length)
            {
                return false;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 2)..]);
            if (length < 2)
            {
                return false;
            }
            at += 2 + length;
            if (marker == 0xDA)
            {
                // Entropy-coded data escapes every 0xFF, so FF D9 after the first scan can only be the real end
                // (an EXIF thumbnail's own end marker sits inside an APP1 segment skipped above).
                return at < jpeg.Length && jpeg[at..].IndexOf([(byte)0xFF, (byte)0xD9]) >= 0;
            }
        }
        return false;
    }
}
