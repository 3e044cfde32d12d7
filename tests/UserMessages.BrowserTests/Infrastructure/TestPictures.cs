using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace UserMessages.BrowserTests.Infrastructure;

/// <summary>Real PNG pictures made in code, for uploads a browser must decode.</summary>
public static class TestPictures
{
    /// <summary>A <paramref name="width"/>×<paramref name="height"/> PNG: a soft gradient, like a sky.</summary>
    public static byte[] Gradient(int width, int height)
    {
        var rows = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            rows.WriteByte(0);
            for (var x = 0; x < width; x++)
            {
                rows.Write([(byte)(60 + (120 * x / width)), (byte)(140 + (80 * y / height)), 200]);
            }
        }

        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(rows.ToArray());
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var number = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
