using System.Buffers.Binary;

namespace MyStamp.Studio.Photos;

/// <summary>
/// The JPEG decoder forgives a file that stops halfway (it paints the rest grey), and a stamp printed with
/// grey bands is no use to anyone: this walks the marker segments to the image data and checks that the
/// end-of-image marker follows it.
/// </summary>
internal static class JpegStructure
{
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
