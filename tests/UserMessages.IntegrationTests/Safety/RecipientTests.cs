using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.Users;

namespace UserMessages.IntegrationTests.Safety;

/// <summary>SPEC §3.7: an unknown user and a user who refuses the sender get the same error.</summary>
public sealed class RecipientTests : MessagingTest, IClassFixture<SharedApp>
{
    private const string Placeholder = "{recipient}";

    public RecipientTests(SharedApp app)
        : base(app)
    {
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();

        // This test's Carol does not accept messages from anyone; everybody else accepts everyone.
        Policy.Reset();
        Policy.Setup(p => p.AcceptsMessagesAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string _, string recipientId, CancellationToken _) => ValueTask.FromResult(recipientId != Carol.Id));
    }

    [Fact]
    public async Task UnknownRecipient_AndRecipientWhoRefuses_GetTheSameError_AndNothingIsSaved()
    {
        const string unknown = "nobody@example.com";

        var unknownPage = await ComposeAsync(unknown);
        var refusedPage = await ComposeAsync(Carol.UserName);

        Assert.Equal(HttpStatusCode.BadRequest, unknownPage.Status);
        Assert.Equal(HttpStatusCode.BadRequest, refusedPage.Status);
        var unknownError = unknownPage.Single("#um-to-error").TextContent;
        var refusedError = refusedPage.Single("#um-to-error").TextContent;
        Assert.Contains(unknown, unknownError, StringComparison.Ordinal);
        Assert.Contains(Carol.UserName, refusedError, StringComparison.Ordinal);
        Assert.Equal(unknownError.Replace(unknown, Placeholder, StringComparison.Ordinal), refusedError.Replace(Carol.UserName, Placeholder, StringComparison.Ordinal));
        Assert.Equal(unknown, unknownPage.Single("#um-to").GetAttribute("value"));
        Assert.Equal(Carol.UserName, refusedPage.Single("#um-to").GetAttribute("value"));
        Assert.Equal(0, (await CountRowsAsync()).Threads);
    }

    [Fact]
    public async Task OneRefusingRecipientAmongSeveral_SavesNothing()
    {
        var page = await ComposeAsync($"{Bob.UserName}, {Carol.UserName}");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(Carol.UserName, page.Single("#um-to-error").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Bob.UserName, page.Single("#um-to-error").TextContent, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await CountRowsAsync());
        Assert.Null((await Bob.GetPageAsync(Paths.Inbox)).Find("#um-thread-list"));
    }

    [Fact]
    public async Task RecipientWhoAccepts_StillGetsTheMessage()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello", "Hi Bob");

        Assert.NotNull((await Bob.GetPageAsync(Paths.Inbox)).ThreadRow(threadId));
        Policy.Verify(p => p.AcceptsMessagesAsync(Alice.Id, Bob.Id, It.IsAny<CancellationToken>()), Times.AtLeastOnce());
    }

    /// <summary>The app's policy, shared by the tests of the class: each sets it up for its own users.</summary>
    private Mock<IRecipientPolicy> Policy => App.Services.GetRequiredService<Mock<IRecipientPolicy>>();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<IRecipientPolicy>();
        services.AddSingleton(new Mock<IRecipientPolicy>());
        services.AddSingleton(provider => provider.GetRequiredService<Mock<IRecipientPolicy>>().Object);
    }

    private async Task<HtmlPage> ComposeAsync(string to)
    {
        var form = await Alice.GetPageAsync(Paths.Create);
        var response = await Alice.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields(to, "Hello", "Are you there?"));
        return await BrowserClient.ReadPageAsync(response);
    }
}
