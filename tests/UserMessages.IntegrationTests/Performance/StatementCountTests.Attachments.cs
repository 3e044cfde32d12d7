using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Attachments;
using UserMessages.Domain;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Performance;

/// <summary>Attachments (issue 22, item 2): a download from a conversation of <see cref="Load.Rows"/> messages, and an upload through the API.</summary>
public sealed partial class StatementCountTests
{
    /// <summary>The smallest PNG: its signature and nothing else a browser needs to recognise it.</summary>
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private async Task<IReadOnlyList<string>> DownloadAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var threadId = await Seeder.ConversationAsync(app, bob.User, alice.User, load.Rows);
        var attachmentId = await app.WithDbAsync(async db =>
        {
            var messageId = await db.Set<Message>().Where(m => m.ThreadId == threadId && m.SenderId == alice.Id).MaxAsync(m => m.Id);
            using var content = new MemoryStream(Png);
            var key = await app.Services.GetRequiredService<IAttachmentStore>().SaveAsync(content, AttachmentTypes.Png, default);
            var attachment = new MessageAttachment
            {
                MessageId = messageId, UploaderId = alice.Id, FileName = "dot.png", ContentType = AttachmentTypes.Png, Length = Png.Length, StorageKey = key, UploadedAt = DateTime.UtcNow,
            };
            db.Add(attachment);
            await db.SaveChangesAsync();
            return attachment.Id;
        });

        var (response, statements) = await MeasureAsync(app, () => bob.Http.GetAsync($"/messages/attachments/{attachmentId}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
        return statements;
    }

    private async Task<IReadOnlyList<string>> ApiUploadAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        await Seeder.ConversationAsync(app, bob.User, alice.User, load.Rows);
        await alice.UseAntiforgeryAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Png), "files", "dot.png" } };

        var (response, statements) = await MeasureAsync(app, () => alice.Http.PostAsync(ApiSteps.Root + "/attachments", form));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return statements;
    }
}
