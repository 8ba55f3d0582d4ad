using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace MyStamp.Privacy.Tests;

/// <summary>
/// The text a reader sees in a PDF that PDFsharp wrote: each shown string as its letters, through its font's ToUnicode
/// map where the font is an embedded Unicode subset (glyph numbers), as they are where it is a simple WinAnsi font.
/// </summary>
internal static partial class PdfText
{
    public static IReadOnlyList<string> Lines(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var lines = new List<string>();
        foreach (var page in document.Pages)
        {
            var fonts = Resolve(Resolve(page.Elements["/Resources"])?.Elements["/Font"])
                ?? throw new InvalidOperationException("The page names no fonts.");
            Dictionary<int, string>? map = null;
            foreach (var operation in ContentReader.ReadContent(page).OfType<COperator>())
            {
                if (operation.OpCode.OpCodeName == OpCodeName.Tf && operation.Operands[0] is CName font)
                {
                    var key = font.Name.StartsWith('/') ? font.Name : "/" + font.Name;
                    map = ToUnicode(Resolve(fonts.Elements[key]) ?? throw new InvalidOperationException($"No font {key} among {string.Join(", ", fonts.Elements.Keys)}."));
                }
                else if (operation.OpCode.OpCodeName is OpCodeName.Tj or OpCodeName.TJ)
                {
                    var text = new StringBuilder();
                    foreach (var shown in Strings(operation.Operands))
                    {
                        if (map is null)
                        {
                            // A simple font (WinAnsi): the bytes are the letters (Latin-1 for every letter the tests read).
                            text.Append(shown);
                            continue;
                        }
                        foreach (var glyph in Glyphs(shown))
                        {
                            text.Append(map.GetValueOrDefault(glyph, "?"));
                        }
                    }
                    lines.Add(text.ToString());
                }
            }
        }
        return lines;
    }

    private static IEnumerable<string> Strings(CSequence operands)
    {
        foreach (var operand in operands)
        {
            if (operand is CString text)
            {
                yield return text.Value;
            }
            else if (operand is CArray array)
            {
                foreach (var inner in Strings(array))
                {
                    yield return inner;
                }
            }
        }
    }

    private static PdfDictionary? Resolve(PdfItem? item) => item switch
    {
        PdfReference reference => reference.Value as PdfDictionary,
        PdfDictionary dictionary => dictionary,
        _ => null,
    };

    /// <summary>Two bytes a glyph (Identity-H), whether the reader hands them over as bytes or as 16-bit characters.</summary>
    private static IEnumerable<int> Glyphs(string shown)
    {
        if (shown.Any(c => c > 0xFF))
        {
            return shown.Select(c => (int)c);
        }
        return Enumerable.Range(0, shown.Length / 2).Select(i => (shown[2 * i] << 8) | shown[2 * i + 1]);
    }

    /// <summary>The glyph map of an embedded Unicode (Identity-H) font; null for a simple font, whose bytes are its letters.</summary>
    private static Dictionary<int, string>? ToUnicode(PdfDictionary font)
    {
        if (Resolve(font.Elements["/ToUnicode"]) is not { } toUnicode)
        {
            return null;
        }
        var cmap = Encoding.ASCII.GetString(toUnicode.Stream.UnfilteredValue);
        var map = new Dictionary<int, string>();
        var chars = string.Join("\n", Section(cmap, "bfchar"));
        foreach (Match entry in Char().Matches(chars))
        {
            map[Hex(entry.Groups[1].Value)] = char.ConvertFromUtf32(Hex(entry.Groups[2].Value));
        }
        foreach (Match range in Range().Matches(string.Join("\n", Section(cmap, "bfrange"))))
        {
            var (low, high, first) = (Hex(range.Groups[1].Value), Hex(range.Groups[2].Value), Hex(range.Groups[3].Value));
            for (var glyph = low; glyph <= high; glyph++)
            {
                map[glyph] = char.ConvertFromUtf32(first + glyph - low);
            }
        }
        return map;
    }

    private static IEnumerable<string> Section(string cmap, string name) =>
        Regex.Matches(cmap, $"begin{name}(.*?)end{name}", RegexOptions.Singleline).Select(match => match.Groups[1].Value);

    private static int Hex(string digits) => int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4,8})>")]
    private static partial Regex Char();

    [GeneratedRegex(@"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4,8})>")]
    private static partial Regex Range();
}
