using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace MyStamp.Bench.Shared;

/// <summary>One line of a chart: its points (x, y) and its colour.</summary>
internal sealed record Series(string Name, IReadOnlyList<(double X, double Y)> Points, (byte R, byte G, byte B) Colour, bool Dashed = false);

/// <summary>
/// A line chart as a PNG, drawn pixel by pixel (no font or drawing library here): axes from zero, tick marks at
/// round values, one polyline per series. The image carries no text; <see cref="Write"/> returns the Markdown that
/// says what the axes, ticks and colours mean, to go beside the image in the report.
/// </summary>
internal static class Chart
{
    public static readonly (byte, byte, byte) Blue = (31, 119, 180);
    public static readonly (byte, byte, byte) Orange = (255, 127, 14);
    public static readonly (byte, byte, byte) Green = (44, 160, 44);
    public static readonly (byte, byte, byte) Red = (214, 39, 40);
    public static readonly (byte, byte, byte) Grey = (120, 120, 120);

    private const int Width = 800, Height = 450, Left = 60, Right = 20, Top = 20, Bottom = 50;

    /// <summary>Writes the chart and returns its Markdown: the image link and a line describing axes and series.</summary>
    public static string Write(string path, string xLabel, string yLabel, IReadOnlyList<Series> series)
    {
        var points = series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        var xStep = NiceStep(points.Count == 0 ? 1 : points.Max(p => p.X));
        var yStep = NiceStep(points.Count == 0 ? 1 : points.Max(p => p.Y));
        var xMax = xStep * Math.Max(1, Math.Ceiling((points.Count == 0 ? 1 : points.Max(p => p.X)) / xStep));
        var yMax = yStep * Math.Max(1, Math.Ceiling((points.Count == 0 ? 1 : points.Max(p => p.Y)) / yStep));

        var canvas = new Canvas(Width, Height);
        int X(double x) => Left + (int)Math.Round(x / xMax * (Width - Left - Right));
        int Y(double y) => Height - Bottom - (int)Math.Round(y / yMax * (Height - Top - Bottom));

        // Grid and ticks at every step, axes on top.
        for (var x = 0.0; x <= xMax + xStep / 2; x += xStep)
        {
            canvas.Line(X(x), Y(0), X(x), Y(yMax), (232, 232, 232), 1);
            canvas.Line(X(x), Y(0), X(x), Y(0) + 8, (0, 0, 0), 2);
        }
        for (var y = 0.0; y <= yMax + yStep / 2; y += yStep)
        {
            canvas.Line(X(0), Y(y), X(xMax), Y(y), (232, 232, 232), 1);
            canvas.Line(X(0) - 8, Y(y), X(0), Y(y), (0, 0, 0), 2);
        }
        canvas.Line(X(0), Y(0), X(xMax), Y(0), (0, 0, 0), 2);
        canvas.Line(X(0), Y(0), X(0), Y(yMax), (0, 0, 0), 2);

        foreach (var line in series)
        {
            var valid = line.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).OrderBy(p => p.X).ToList();
            for (var i = 1; i < valid.Count; i++)
            {
                canvas.Line(X(valid[i - 1].X), Y(valid[i - 1].Y), X(valid[i].X), Y(valid[i].Y), line.Colour, 3, line.Dashed);
            }
            foreach (var point in valid)
            {
                canvas.Dot(X(point.X), Y(point.Y), line.Colour, valid.Count <= 40 ? 4 : 0);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, canvas.ToPng());
        var legend = string.Join("; ", series.Select(s => $"{ColourName(s.Colour)}{(s.Dashed ? " dashed" : "")}: {s.Name}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"![{yLabel} against {xLabel}]({Path.GetFileName(path)})\n\n*x: {xLabel}, 0 to {xMax:0.###}, a tick every {xStep:0.###}; y: {yLabel}, 0 to {yMax:0.###}, a tick every {yStep:0.###}. {legend}.*\n");
    }

    private static string ColourName((byte, byte, byte) colour) =>
        colour == Blue ? "blue" : colour == Orange ? "orange" : colour == Green ? "green" : colour == Red ? "red" : "grey";

    /// <summary>A round step (1, 2 or 5 times a power of ten) giving four to ten ticks up to <paramref name="max"/>.</summary>
    private static double NiceStep(double max)
    {
        if (max <= 0 || !double.IsFinite(max))
        {
            return 1;
        }
        var raw = max / 6;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var unit = raw / power;
        return power * (unit < 1.5 ? 1 : unit < 3.5 ? 2 : unit < 7.5 ? 5 : 10);
    }

    private sealed class Canvas(int width, int height)
    {
        private readonly byte[] _rgb = Enumerable.Repeat((byte)255, width * height * 3).ToArray();

        public void Dot(int cx, int cy, (byte R, byte G, byte B) colour, int radius)
        {
            for (var dy = -radius; dy <= radius; dy++)
            {
                for (var dx = -radius; dx <= radius; dx++)
                {
                    if (dx * dx + dy * dy <= radius * radius)
                    {
                        Set(cx + dx, cy + dy, colour);
                    }
                }
            }
        }

        /// <summary>Bresenham's line with a square pen of the given thickness.</summary>
        public void Line(int x0, int y0, int x1, int y1, (byte R, byte G, byte B) colour, int thickness, bool dashed = false)
        {
            int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0), sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1, error = dx + dy, step = 0;
            while (true)
            {
                if (!dashed || step++ % 16 < 9)
                {
                    for (var ox = -thickness / 2; ox <= (thickness - 1) / 2; ox++)
                    {
                        for (var oy = -thickness / 2; oy <= (thickness - 1) / 2; oy++)
                        {
                            Set(x0 + ox, y0 + oy, colour);
                        }
                    }
                }
                if (x0 == x1 && y0 == y1)
                {
                    return;
                }
                var twice = 2 * error;
                if (twice >= dy) { error += dy; x0 += sx; }
                if (twice <= dx) { error += dx; y0 += sy; }
            }
        }

        private void Set(int x, int y, (byte R, byte G, byte B) colour)
        {
            if (x < 0 || y < 0 || x >= width || y >= height)
            {
                return;
            }
            var i = (y * width + x) * 3;
            (_rgb[i], _rgb[i + 1], _rgb[i + 2]) = colour;
        }

        public byte[] ToPng()
        {
            using var raw = new MemoryStream();
            using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (var y = 0; y < height; y++)
                {
                    zlib.WriteByte(0); // no filter
                    zlib.Write(_rgb, y * width * 3, width * 3);
                }
            }
            using var png = new MemoryStream();
            png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
            var header = new byte[13];
            BinaryPrimitives.WriteInt32BigEndian(header, width);
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
            header[8] = 8; // bits per channel
            header[9] = 2; // RGB
            Chunk(png, "IHDR", header);
            Chunk(png, "IDAT", raw.ToArray());
            Chunk(png, "IEND", []);
            return png.ToArray();
        }

        private static void Chunk(Stream png, string type, byte[] data)
        {
            Span<byte> number = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
            png.Write(number);
            var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
            png.Write(typeBytes);
            png.Write(data);
            BinaryPrimitives.WriteUInt32BigEndian(number, Crc(typeBytes, data));
            png.Write(number);
        }

        private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
        {
            var c = (uint)n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            return c;
        }).ToArray();

        private static uint Crc(byte[] type, byte[] data)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in type.Concat(data))
            {
                crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }
            return crc ^ 0xFFFFFFFFu;
        }
    }
}
