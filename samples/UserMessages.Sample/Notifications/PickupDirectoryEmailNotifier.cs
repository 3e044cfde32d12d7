using System.Net.Mail;
using System.Text;
using Microsoft.AspNetCore.Identity;
using UserMessages.Notifications;

namespace UserMessages.Sample.Notifications;

/// <summary>
/// The sample's e-mail notifier: each digest becomes one .eml file in a pickup directory (what a
/// local mail server would send), so it can be read without any mail server. A real site would
/// send through SMTP or its e-mail provider here instead.
/// </summary>
public sealed class PickupDirectoryEmailNotifier(UserManager<IdentityUser> users, IConfiguration configuration, IWebHostEnvironment environment) : IMessageNotifier
{
    public async Task NotifyAsync(MessageDigest digest, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(digest.Recipient.Id);
        if (user?.Email is not { Length: > 0 } email)
        {
            return;
        }

        var folder = PickupFolder(configuration, environment);
        Directory.CreateDirectory(folder);
        var site = configuration["Sample:PublicBaseUrl"] ?? "http://127.0.0.1:5080";
        var text = new StringBuilder();
        text.AppendLine($"Hello {digest.Recipient.DisplayName},").AppendLine();
        text.AppendLine(digest.Messages.Count == 1 ? "You have a new message:" : $"You have {digest.Messages.Count} new messages:").AppendLine();
        foreach (var thread in digest.Messages.GroupBy(m => m.ThreadId))
        {
            text.AppendLine($"== {thread.First().Subject} ==");
            foreach (var message in thread)
            {
                text.AppendLine($"{message.Sender.DisplayName} ({message.SentAt:u}):").AppendLine(message.Content).AppendLine();
            }

            text.AppendLine($"Reply: {site.TrimEnd('/')}{thread.First().ThreadPath}").AppendLine();
        }

        text.AppendLine("You can turn these e-mails off in your message settings.");
        using var mail = new MailMessage("messages@sample.invalid", email)
        {
            Subject = digest.Messages.Count == 1 ? $"New message: {digest.Messages[0].Subject}" : $"{digest.Messages.Count} new messages",
            Body = text.ToString(),
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.QuotedPrintable,
        };
        using var smtp = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
        await smtp.SendMailAsync(mail, cancellationToken);
    }

    /// <summary>Where the .eml files go: Sample:MailPickupDirectory, relative to the content root (default App_Data/mail-pickup).</summary>
    public static string PickupFolder(IConfiguration configuration, IWebHostEnvironment environment)
        => Path.GetFullPath(Path.Combine(environment.ContentRootPath, configuration["Sample:MailPickupDirectory"] ?? "App_Data/mail-pickup"));
}
