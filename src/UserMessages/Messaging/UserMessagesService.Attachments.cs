using UserMessages.Attachments;
using UserMessages.Domain;

namespace UserMessages.Services;

/// <summary>Attachments: uploads checked by their content and kept until their message is sent, and downloads for the thread's people.</summary>
internal sealed partial class UserMessagesService
{
    public async Task<MessagingResult<IReadOnlyList<AttachmentItem>>> UploadAsync(string userId, IReadOnlyList<AttachmentUpload> files, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(files);
        var settings = options.Value.Attachments;
        if (!settings.Enabled)
        {
            return MessagingResult<IReadOnlyList<AttachmentItem>>.Invalid([describer.AttachmentsOff()]);
        }

        var errors = new List<MessagingError>();
        if (files.Count > settings.MaxFiles)
        {
            errors.Add(describer.TooManyFiles(settings.MaxFiles));
        }

        var checkedFiles = new List<(AttachmentUpload File, string Name, string Type)>();
        foreach (var file in files)
        {
            var name = FileNameOf(file.FileName);
            var type = await CheckFileAsync(file, name, settings, errors, cancellationToken);
            if (type is not null)
            {
                checkedFiles.Add((file, name, type));
            }
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        if (errors.Count == 0 && await store.CountUnsentAttachmentsAsync(userId, cancellationToken) + files.Count > settings.MaxFiles * 4)
        {
            errors.Add(describer.TooManyUnsentFiles());
        }

        if (errors.Count > 0)
        {
            return MessagingResult<IReadOnlyList<AttachmentItem>>.Invalid(errors);
        }

        var now = Now();
        var rows = new List<MessageAttachment>();
        foreach (var (file, name, type) in checkedFiles)
        {
            await using var content = file.Open();
            var key = await attachmentStore.SaveAsync(content, type, cancellationToken);
            rows.Add(new MessageAttachment { UploaderId = userId, FileName = name, ContentType = type, Length = file.Length, StorageKey = key, UploadedAt = now });
        }

        await store.AddAttachmentsAsync(rows, cancellationToken);
        return MessagingResult<IReadOnlyList<AttachmentItem>>.Success(rows.Select(ItemOf).ToList());
    }

    public async Task<MessagingResult<AttachmentDownload>> OpenAttachmentAsync(string userId, long attachmentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var attachment = await store.ReadAttachmentAsync(userId, attachmentId, cancellationToken);
        var content = attachment is null ? null : await attachmentStore.OpenReadAsync(attachment.StorageKey, cancellationToken);
        return content is null
            ? MessagingResult<AttachmentDownload>.NotFound()
            : MessagingResult<AttachmentDownload>.Success(new AttachmentDownload(ItemOf(attachment!), content));
    }

    public async Task<IReadOnlyList<AttachmentItem>> GetUploadsAsync(string userId, IReadOnlyList<long> attachmentIds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(attachmentIds);
        return attachmentIds.Count == 0 ? [] : (await store.ReadUnsentAttachmentsAsync(userId, attachmentIds, cancellationToken)).Select(ItemOf).ToList();
    }

    internal static AttachmentItem ItemOf(MessageAttachment a) => new(a.Id, a.FileName, a.ContentType, a.Length);

    /// <summary>The sender's waiting uploads a new message carries, or the error when one is not theirs, not waiting, or too many.</summary>
    private async Task<(IReadOnlyList<AttachmentItem> Items, MessagingError? Error)> CheckAttachmentsAsync(string userId, IReadOnlyList<long> attachmentIds, CancellationToken cancellationToken)
    {
        var ids = attachmentIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return ([], null);
        }

        var settings = options.Value.Attachments;
        if (!settings.Enabled)
        {
            return ([], describer.AttachmentsOff());
        }

        if (ids.Count > settings.MaxFiles)
        {
            return ([], describer.TooManyFiles(settings.MaxFiles));
        }

        var found = await store.ReadUnsentAttachmentsAsync(userId, ids, cancellationToken);
        return found.Count == ids.Count ? (found.Select(ItemOf).ToList(), null) : ([], describer.AttachmentNotWaiting());
    }

    /// <summary>The type of an upload when it may be attached (its name's extension allowed, its content of that type), else adds why not.</summary>
    private async Task<string?> CheckFileAsync(AttachmentUpload file, string name, UserMessagesAttachmentOptions settings, List<MessagingError> errors, CancellationToken cancellationToken)
    {
        if (file.Length <= 0)
        {
            errors.Add(describer.FileEmpty(name));
            return null;
        }

        if (file.Length > settings.MaxFileSize)
        {
            errors.Add(describer.FileTooLarge(name, settings.MaxFileSize));
            return null;
        }

        if (AttachmentTypes.OfName(name) is not { } type || !settings.AllowedTypes.Contains(type))
        {
            errors.Add(describer.FileTypeNotAllowed(name, settings.AllowedTypes));
            return null;
        }

        // Text is checked whole (it must be UTF-8 without control characters); the other types by their first bytes.
        await using var content = file.Open();
        var buffer = new byte[type == AttachmentTypes.Text ? file.Length : AttachmentTypes.HeadLength];
        var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        if (!AttachmentTypes.Matches(type, buffer.AsSpan(0, read)))
        {
            errors.Add(describer.FileNotOfItsType(name));
            return null;
        }

        return type;
    }

    /// <summary>The name kept: no folders, no control characters, at most <see cref="MessageAttachment.MaxFileNameLength"/> characters with the extension kept.</summary>
    private static string FileNameOf(string uploaded)
    {
        var name = new string(Path.GetFileName(uploaded.Replace('\\', '/')).Where(c => !char.IsControl(c) && c is not ('\u2028' or '\u2029')).ToArray()).Trim();
        if (name.Length > MessageAttachment.MaxFileNameLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length > 20 ? string.Empty : extension;
            name = name[..(MessageAttachment.MaxFileNameLength - extension.Length)] + extension;
        }

        return name.Length == 0 ? "file" : name;
    }
}
