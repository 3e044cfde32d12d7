namespace UserMessages.Attachments;

/// <summary>
/// Where attachment files are kept (register your own with <c>AddAttachmentStore&lt;T&gt;()</c>, e.g. for blob storage); the
/// package keeps who may see which file in the host's database and only asks the store for bytes by key.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Keeps a new file and returns the key to find it by (a new key each time; never derived from the file's name).</summary>
    /// <param name="content">The file's bytes, read to their end.</param>
    /// <param name="contentType">The type found in its content, e.g. <c>image/png</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The file's key.</returns>
    Task<string> SaveAsync(Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>Opens a kept file for reading, or returns <see langword="null"/> when there is none under that key.</summary>
    /// <param name="key">The key <see cref="SaveAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The file's bytes, to dispose after reading.</returns>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes a kept file; a key with no file is no error.</summary>
    /// <param name="key">The key <see cref="SaveAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the file is gone.</returns>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
