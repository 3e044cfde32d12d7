using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace UserMessages.Attachments;

/// <summary>
/// The default <see cref="IAttachmentStore"/>: files in <see cref="UserMessagesAttachmentOptions.Folder"/> (under the content root
/// unless absolute), named by random keys in two levels of folders; the uploaded name is never used on disk.
/// </summary>
/// <param name="options">The package's options.</param>
/// <param name="environment">The host, for its content root (without one, the current directory).</param>
public sealed class FileSystemAttachmentStore(IOptions<UserMessagesOptions> options, IHostEnvironment? environment = null) : IAttachmentStore
{
    /// <inheritdoc />
    public async Task<string> SaveAsync(Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        return key;
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = IsKey(key) ? PathOf(key) : null;
        return Task.FromResult<Stream?>(path is not null && File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null);
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (IsKey(key))
        {
            File.Delete(PathOf(key));
        }

        return Task.CompletedTask;
    }

    /// <summary>Only keys this store made (32 hexadecimal digits) name a file: nothing else can reach outside the folder.</summary>
    private static bool IsKey(string key) => key is { Length: 32 } && key.All(char.IsAsciiHexDigitLower);

    private string PathOf(string key)
        => Path.Combine(Path.GetFullPath(options.Value.Attachments.Folder, environment?.ContentRootPath ?? Directory.GetCurrentDirectory()), key[..2], key[2..4], key);
}
