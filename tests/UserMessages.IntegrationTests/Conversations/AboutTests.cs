using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UserMessages.About;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.Services;

namespace UserMessages.IntegrationTests.Conversations;

/// <summary>
/// Issue 22, item 7: a conversation started about one of the site's own things (<c>kind:key</c>), with the sample's listings
/// (<c>listing:1</c> to <c>listing:3</c>; anything else is unknown): the compose link <c>?about=</c> shows its card and carries it
/// in a hidden field; the thread shows the card at its top and the folder rows an "About: ..." tag, for the sender and the
/// recipients; the API takes and shows <c>about</c>; the service takes <see cref="NewThreadRequest.About"/>. Something unknown,
/// malformed or forged is refused as an unknown recipient is, and nothing is created.
/// </summary>
public sealed class AboutTests(SharedApp sharedApp) : MessagingTest(sharedApp), IClassFixture<SharedApp>
{
    public const string UnknownAbout = "This conversation cannot be about that: it is unknown or not yours to write about.";

    private static readonly ShownAboutCard Bicycle = new("Blue city bicycle", "/#listing-1", "/listings/bicycle.svg");

    [Fact]
    public async Task TheComposeFormOpenedAboutAListing_ShowsItsCard_AndCarriesItInAHiddenField_AlsoWhenOpenedForOnePerson()
    {
        var form = await Alice.GetPageAsync(AboutSteps.ComposeAbout("listing:1"));

        Assert.True(form.Status == HttpStatusCode.OK, $"{(int)form.Status}\n{form.Html}");
        Assert.Equal(Bicycle, form.AboutCard("#um-compose-form"));
        Assert.Equal("listing:1", form.Single<IHtmlInputElement>("#um-compose-form input[name='About']").Value);
        Assert.Equal("hidden", form.Single<IHtmlInputElement>("#um-compose-form input[name='About']").Type);
        Assert.Null(form.Find("#um-compose-form [data-um-errors]"));

        var toBob = await Alice.GetPageAsync(AboutSteps.ComposeAbout("listing:1", Bob.Id));

        Assert.True(toBob.Status == HttpStatusCode.OK, $"{(int)toBob.Status}\n{toBob.Html}");
        Assert.Equal(Bicycle, toBob.AboutCard("#um-compose-form"));
        Assert.Equal("listing:1", toBob.Single<IHtmlInputElement>("#um-compose-form input[name='About']").Value);
        var chosen = toBob.Single<IHtmlInputElement>("#um-to-chosen input[name='ToId']");
        Assert.Equal(Bob.Id, chosen.Value);
        Assert.True(chosen.IsChecked);
    }

    public static TheoryData<string> UnknownReferences => ["listing:999", "nonsense", "LISTING:1", "listing:", ":1", "order:1"];

    [Theory]
    [MemberData(nameof(UnknownReferences))]
    public async Task TheComposeFormOpenedAboutSomethingUnknownOrMalformed_Is400WithTheError_AndShowsNoCardNorHiddenField(string about)
    {
        foreach (var url in new[] { AboutSteps.ComposeAbout(about), AboutSteps.ComposeAbout(about, Bob.Id) })
        {
            var form = await Alice.GetPageAsync(url);

            Assert.True(form.Status == HttpStatusCode.BadRequest, $"{url}: expected 400, got {(int)form.Status}\n{form.Html}");
            Assert.Contains(UnknownAbout, form.Single("#um-compose-form [data-um-errors]").TextContent, StringComparison.Ordinal);
            Assert.Null(form.Find("#um-about"));
            Assert.Null(form.Find("#um-compose-form input[name='About']"));

            // The form is still there to write a conversation about nothing.
            Assert.NotNull(form.Find("#um-compose-form textarea[name='Content']"));
        }
    }

    [Fact]
    public async Task SendingTheFormOpenedAboutAListing_StartsTheThreadAboutIt_ShownAtTheTopOfTheThreadAndTaggedInTheSendersAndRecipientsFolders()
    {
        var threadId = await Alice.StartThreadAboutAsync("listing:1", Bob.UserName, "Is it still for sale?", "Hello, is the bicycle still available?");

        foreach (var viewer in new[] { Alice, Bob })
        {
            var thread = await viewer.GetPageAsync(Paths.Thread(threadId));
            Assert.Equal(HttpStatusCode.OK, thread.Status);
            Assert.Equal(Bicycle, thread.AboutCard(".um-header--thread"));
            Assert.Equal("Is it still for sale?", thread.Single("#um-subject").TextContent.Trim());
            Assert.Equal("lazy", thread.Single("#um-about img.um-about__image").GetAttribute("loading"));
        }

        foreach (var (viewer, folder) in new[] { (Alice, Paths.Sent), (Bob, Paths.Inbox) })
        {
            var page = await viewer.GetPageAsync(folder);
            var tag = page.AboutTag(threadId);
            Assert.True(tag is not null, $"{viewer.DisplayName}'s {folder} shows no about tag:\n{page.ThreadRow(threadId)!.OuterHtml}");
            Assert.Equal("About: Blue city bicycle", tag.TextContent.Trim());
            Assert.Equal("listing:1", tag.GetAttribute("data-um-about"));
            Assert.Equal("span", tag.LocalName);
        }

        // Carol, not in it, has nothing of it.
        Assert.Empty((await Carol.GetPageAsync(Paths.Inbox)).RowIds());
    }

    [Fact]
    public async Task AThreadAboutNothing_ShowsNoCardNorTag_AndTheApiSaysAboutNull()
    {
        var about = await Alice.StartThreadAboutAsync("listing:2", Bob.UserName, "Bookshelf", "Can I pick it up on Saturday?");
        var plain = await Alice.StartThreadAsync(Bob.UserName, "Lunch?", "Are you free on Friday?");

        var thread = await Bob.GetPageAsync(Paths.Thread(plain));
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        Assert.Null(thread.Find("#um-about"));
        Assert.Null(thread.Find(".um-about"));
        var inbox = await Bob.GetPageAsync(Paths.Inbox);
        Assert.Null(inbox.AboutTag(plain));

        // The thread about something next to it in the same list keeps its own tag.
        Assert.Equal("About: Oak bookshelf", inbox.AboutTag(about)!.TextContent.Trim());

        Assert.Null(await Bob.ApiThreadAboutAsync(plain));
        Assert.Null(await Bob.ApiRowAboutAsync("inbox", plain));
        Assert.Null(await Alice.ApiRowAboutAsync("sent", plain));
    }

    public static TheoryData<string> ForgedReferences => ["listing:999", "LISTING:1", "bad"];

    [Theory]
    [MemberData(nameof(ForgedReferences))]
    public async Task AForgedAboutField_IsRefusedWith400AndTheError_NothingIsCreated_AndWhatWasTypedComesBack(string forged)
    {
        var form = await Alice.GetPageAsync(AboutSteps.ComposeAbout("listing:1"));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var fields = MessagingSteps.ComposeFields(Bob.UserName, "About the bicycle", "Would you take 80 for it?");
        fields["About"] = forged;

        var response = await Alice.SubmitFormAsync(form, "#um-compose-form", fields);

        var page = await BrowserClient.ReadPageAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}\n{page.Html}");
        Assert.Contains(UnknownAbout, page.Single("#um-compose-form [data-um-errors]").TextContent, StringComparison.Ordinal);
        Assert.Equal("About the bicycle", page.Single<IHtmlInputElement>("#um-compose-form input[name='Subject']").Value);
        Assert.Equal("Would you take 80 for it?", page.Single<IHtmlTextAreaElement>("#um-compose-form textarea[name='Content']").Value);
        Assert.Equal(Bob.UserName, page.Single<IHtmlInputElement>("#um-compose-form input[name='To']").Value);
        Assert.Null(page.Find("#um-about"));
        Assert.Null(page.Find("#um-compose-form input[name='About']"));

        Assert.Empty((await Alice.GetPageAsync(Paths.Sent)).RowIds());
        Assert.Empty((await Bob.GetPageAsync(Paths.Inbox)).RowIds());
        Assert.Equal((0, 0, 0), await CountRowsAsync());
    }

    [Fact]
    public async Task TheApi_StartsAThreadAboutAListing_AndShowsItsCardInTheThreadAndInEveryonesFolderRows()
    {
        await Alice.UseAntiforgeryAsync();

        var response = await Alice.ApiStartThreadAboutAsync("listing:2", Bob.UserName, "Bookshelf", "How tall is it?");

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {text}");
        using var created = System.Text.Json.JsonDocument.Parse(text);
        var threadId = created.RootElement.GetProperty("threadId").GetInt64();
        var expected = new ApiAboutView("listing:2", "Oak bookshelf", "/#listing-2", "/listings/bookshelf.svg");
        Assert.Equal(expected, await Alice.ApiThreadAboutAsync(threadId));
        Assert.Equal(expected, await Bob.ApiThreadAboutAsync(threadId));
        Assert.Equal(expected, await Bob.ApiRowAboutAsync("inbox", threadId));
        Assert.Equal(expected, await Alice.ApiRowAboutAsync("sent", threadId));

        // The pages show the same as the API.
        Assert.Equal(new ShownAboutCard("Oak bookshelf", "/#listing-2", "/listings/bookshelf.svg"), (await Bob.GetPageAsync(Paths.Thread(threadId))).AboutCard(".um-header--thread"));
        Assert.Equal("About: Oak bookshelf", (await Bob.GetPageAsync(Paths.Inbox)).AboutTag(threadId)!.TextContent.Trim());
    }

    public static TheoryData<string> RefusedApiReferences => ["listing:999", "bad", "LISTING:2", "listing:", ""];

    [Theory]
    [MemberData(nameof(RefusedApiReferences))]
    public async Task TheApi_RefusesAnUnknownOrMalformedAbout_WithAValidationProblemKeyedAbout_AndCreatesNothing(string about)
    {
        await Alice.UseAntiforgeryAsync();

        var response = await Alice.ApiStartThreadAboutAsync(about, Bob.UserName, "Bookshelf", "How tall is it?");

        var problem = await ApiSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = ApiSteps.FieldErrors(problem);
        Assert.True(errors.ContainsKey("about"), $"No error keyed 'about': {problem.GetRawText()}");
        Assert.Equal([UnknownAbout], errors["about"]);
        Assert.Equal("UnknownAbout", Assert.Single(problem.GetProperty("codes").GetProperty("about").EnumerateArray()).GetString());
        Assert.Empty(await Bob.ApiFolderIdsAsync("inbox"));
        Assert.Empty(await Alice.ApiFolderIdsAsync("sent"));
        Assert.Equal((0, 0, 0), await CountRowsAsync());
    }

    [Fact]
    public async Task TheService_StartsAThreadAboutAListing_AndRefusesAnUnknownOneAsInvalidUnknownAbout()
    {
        var started = await StartAsync(new NewThreadRequest(Alice.Id, [Bob.Id], "Espresso", "Does it come with the milk jug?") { About = new AboutReference("listing", "3") });

        Assert.True(started.Succeeded, string.Join(" ", started.Errors.Select(e => e.Description)));
        var threadId = started.Value!.ThreadId;
        Assert.Equal(new ApiAboutView("listing:3", "Espresso machine", "/#listing-3", "/listings/espresso.svg"), await Bob.ApiThreadAboutAsync(threadId));
        Assert.Equal("About: Espresso machine", (await Bob.GetPageAsync(Paths.Inbox)).AboutTag(threadId)!.TextContent.Trim());

        var refused = await StartAsync(new NewThreadRequest(Alice.Id, [Bob.Id], "Espresso", "And the grinder?") { About = new AboutReference("listing", "999") });

        Assert.Equal(MessagingStatus.Invalid, refused.Status);
        var error = Assert.Single(refused.Errors);
        Assert.Equal(("UnknownAbout", "About", UnknownAbout), (error.Code, error.Field, error.Description));
        Assert.Equal([threadId], await Bob.ApiFolderIdsAsync("inbox"));
        Assert.Equal(1, (await CountRowsAsync()).Threads);
    }

    [Fact]
    public async Task SomeoneOutsideTheThread_Gets404_AndNothingOfWhatItIsAbout()
    {
        var threadId = await Alice.StartThreadAboutAsync("listing:1", Bob.UserName, "Is it still for sale?", "Hello!");

        foreach (var url in new[] { Paths.Thread(threadId), ApiSteps.Thread(threadId) })
        {
            var response = await Carol.Http.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain("Blue city bicycle", body, StringComparison.Ordinal);
            Assert.DoesNotContain("listing:1", body, StringComparison.Ordinal);
        }
    }

    private async Task<MessagingResult<SentMessage>> StartAsync(NewThreadRequest request)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IUserMessagesService>().StartThreadAsync(request);
    }
}

/// <summary>
/// Issue 22, item 7, with a resolver of this test's own in place of the sample's: a card is shown only as safe — its title as
/// text, a link or picture only to <c>http(s)</c> or a path on the site — whatever the resolver answers; and the recipients reach
/// the resolver when the conversation is started, so a resolver can refuse a reference for the wrong people.
/// </summary>
public sealed class UntrustedResolverAboutTests(SharedApp sharedApp) : MessagingTest(sharedApp), IClassFixture<SharedApp>
{
    public const string Script = "<script>alert(1)</script>";

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<IAboutResolver>();
        services.AddScoped<IAboutResolver, UntrustedResolver>();
    }

    public static TheoryData<string, string, string?, string?> Cards => new()
    {
        // key, the title shown, where it links, the picture shown
        { "evil:script", Script, null, null },
        { "evil:protocol-relative", "Phishing", null, null },
        { "evil:https", "Shop item", "https://shop.example/items/3", "https://shop.example/items/3.png" },
    };

    [Theory]
    [MemberData(nameof(Cards))]
    public async Task TheCard_ShowsTheTitleAsText_AndLinksOrPicturesOnlyHttpOrSitePaths_OnTheFormTheThreadAndTheRows(string about, string title, string? href, string? image)
    {
        var expected = new ShownAboutCard(title, href, image);
        var form = await Alice.GetPageAsync(AboutSteps.ComposeAbout(about));
        Assert.True(form.Status == HttpStatusCode.OK, $"{(int)form.Status}\n{form.Html}");
        Assert.Equal(expected, form.AboutCard("#um-compose-form"));
        AssertHarmless(form, form.Single("#um-about").OuterHtml);

        var threadId = await Alice.StartThreadAboutAsync(about, Bob.UserName, "Question", "Is this still available?");

        foreach (var viewer in new[] { Alice, Bob })
        {
            var thread = await viewer.GetPageAsync(Paths.Thread(threadId));
            Assert.Equal(HttpStatusCode.OK, thread.Status);
            Assert.Equal(expected, thread.AboutCard(".um-header--thread"));
            Assert.Empty(thread.Document.QuerySelectorAll("#um-about script, #um-about iframe, #um-about [onload], #um-about [onerror]"));
            AssertHarmless(thread, thread.Single("#um-about").OuterHtml);
        }

        var inbox = await Bob.GetPageAsync(Paths.Inbox);
        var tag = inbox.AboutTag(threadId)!;
        Assert.Equal("About: " + title, tag.TextContent.Trim());
        Assert.Equal(0, tag.ChildElementCount);
        AssertHarmless(inbox, inbox.ThreadRow(threadId)!.OuterHtml);

        Assert.Equal(new ApiAboutView(about, title, href, image), await Bob.ApiThreadAboutAsync(threadId));
    }

    [Fact]
    public async Task ThroughTheApiAndTheService_TheRecipientsReachTheResolver_WhichRefusesAReferenceForTheWrongPeople()
    {
        var about = "private:" + Bob.Id;
        await Alice.UseAntiforgeryAsync();

        var wrong = await Alice.ApiStartThreadAboutAsync(about, Carol.UserName, "Bob's thing", "Shall we talk about it?");

        var problem = await ApiSteps.AssertProblemAsync(wrong, HttpStatusCode.BadRequest);
        Assert.Equal("UnknownAbout", Assert.Single(problem.GetProperty("codes").GetProperty("about").EnumerateArray()).GetString());
        Assert.Empty(await Carol.ApiFolderIdsAsync("inbox"));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<IUserMessagesService>();
            var refused = await service.StartThreadAsync(new NewThreadRequest(Alice.Id, [Carol.Id], "Bob's thing", "Hi") { About = new AboutReference("private", Bob.Id) });
            Assert.Equal(MessagingStatus.Invalid, refused.Status);
            Assert.Equal("UnknownAbout", Assert.Single(refused.Errors).Code);
        }

        Assert.Equal((0, 0, 0), await CountRowsAsync());

        var right = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Carol.UserName, Bob.UserName }, subject = "Bob's thing", content = "Let us talk about it.", about });

        var text = await right.Content.ReadAsStringAsync();
        Assert.True(right.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)right.StatusCode}: {text}");
        using var created = System.Text.Json.JsonDocument.Parse(text);
        var threadId = created.RootElement.GetProperty("threadId").GetInt64();
        Assert.Equal(new ApiAboutView(about, UntrustedResolver.PrivateTitle, "/private", null), await Carol.ApiThreadAboutAsync(threadId));
    }

    [Fact]
    public async Task TheComposeFormOpenedForThePersonAPrivateThingNeeds_ShowsItsCard_ButOpenedForNobodyIs400()
    {
        var about = "private:" + Bob.Id;

        var forBob = await Alice.GetPageAsync(AboutSteps.ComposeAbout(about, Bob.Id));
        Assert.True(forBob.Status == HttpStatusCode.OK, $"{(int)forBob.Status}\n{forBob.Html}");
        Assert.Equal(new ShownAboutCard(UntrustedResolver.PrivateTitle, "/private", null), forBob.AboutCard("#um-compose-form"));

        var forCarol = await Alice.GetPageAsync(AboutSteps.ComposeAbout(about, Carol.Id));
        Assert.Equal(HttpStatusCode.BadRequest, forCarol.Status);
        Assert.Contains(AboutTests.UnknownAbout, forCarol.Single("#um-compose-form [data-um-errors]").TextContent, StringComparison.Ordinal);
        Assert.Null(forCarol.Find("#um-about"));
    }

    [Fact]
    public async Task SendingTheFormOpenedForThePersonAPrivateThingNeeds_StartsTheThreadAboutIt()
    {
        var about = "private:" + Bob.Id;
        var form = await Alice.GetPageAsync(AboutSteps.ComposeAbout(about, Bob.Id));
        Assert.Equal(HttpStatusCode.OK, form.Status);

        var response = await Alice.SubmitFormAsync(form, "#um-compose-form", new Dictionary<string, string> { ["Subject"] = "Your thing", ["Content"] = "Can we talk about it?" });

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect to the thread, got {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        var threadId = Paths.ThreadIdOf(response);
        Assert.Equal(new ShownAboutCard(UntrustedResolver.PrivateTitle, "/private", null), (await Bob.GetPageAsync(Paths.Thread(threadId))).AboutCard(".um-header--thread"));
    }

    [Fact]
    public async Task SendingTheFormAboutAPrivateThingToTheWrongPerson_IsRefusedWithTheError_AndNothingIsCreated()
    {
        var about = "private:" + Bob.Id;
        var form = await Alice.GetPageAsync(AboutSteps.ComposeAbout(about, Bob.Id));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        form.Untick("#um-to-chosen input[name='ToId']");

        var response = await Alice.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields(Carol.UserName, "Bob's thing", "Shall we talk about it?"));

        var page = await BrowserClient.ReadPageAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}\n{page.Html}");
        Assert.Contains(AboutTests.UnknownAbout, page.Single("#um-compose-form [data-um-errors]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Shall we talk about it?", page.Single<IHtmlTextAreaElement>("#um-compose-form textarea[name='Content']").Value);
        Assert.Empty(await Carol.ApiFolderIdsAsync("inbox"));
        Assert.Equal((0, 0, 0), await CountRowsAsync());
    }

    /// <summary>Nothing a resolver answered runs or leads anywhere but http(s) and the site: no script, no other scheme.</summary>
    private static void AssertHarmless(HtmlPage page, string markup)
    {
        Assert.DoesNotContain(Script, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:image", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", markup, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A resolver that answers what a careless or hostile one might (<c>evil:...</c>), and one thing, <c>private:{userId}</c>, that a
    /// conversation can be about only with that user among its recipients.
    /// </summary>
    public sealed class UntrustedResolver : IAboutResolver
    {
        public const string PrivateTitle = "Private thing";

        public Task<AboutCard?> ResolveForStartAsync(string senderId, AboutReference reference, IReadOnlyCollection<string> recipientIds, CancellationToken cancellationToken)
            => Task.FromResult(reference.Kind == "private" && !recipientIds.Contains(reference.Key, StringComparer.Ordinal) ? null : CardOf(reference));

        public Task<IReadOnlyDictionary<AboutReference, AboutCard>> ResolveAsync(string userId, IReadOnlyCollection<AboutReference> references, CancellationToken cancellationToken)
        {
            var cards = new Dictionary<AboutReference, AboutCard>();
            foreach (var reference in references)
            {
                if (CardOf(reference) is { } card)
                {
                    cards[reference] = card;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<AboutReference, AboutCard>>(cards);
        }

        private static AboutCard? CardOf(AboutReference reference) => (reference.Kind, reference.Key) switch
        {
            ("evil", "script") => new AboutCard(Script, "javascript:alert(1)") { ImageUrl = "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>" },
            ("evil", "protocol-relative") => new AboutCard("Phishing", "//evil.example/phish") { ImageUrl = "/\\evil.example/pixel.png" },
            ("evil", "https") => new AboutCard("Shop item", "https://shop.example/items/3") { ImageUrl = "https://shop.example/items/3.png" },
            ("private", _) => new AboutCard(PrivateTitle, "/private"),
            _ => null,
        };
    }
}
