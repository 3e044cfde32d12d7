using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Safety;

/// <summary>
/// A body that does not announce its length must still be cut off at the limit while it is read.
/// Run on Kestrel: the in-memory test server has no request body size limit to set.
/// </summary>
public sealed class StreamedBodyTests : MessagingTest, IClassFixture<SharedApp>
{
    public StreamedBodyTests(SharedApp app)
        : base(app)
    {
    }

    protected override bool UseKestrel => true;

    [Fact]
    public async Task StreamedBodyOverTheLimit_Is413_AndSavesNothing()
    {
        var form = await Alice.GetPageAsync(Paths.Create);
        var token = form.Single($"#um-compose-form input[name='{BrowserClient.TokenField}']").GetAttribute("value")!;
        var body = new FormUrlEncodedContent(
            [new(BrowserClient.TokenField, token), .. MessagingSteps.ComposeFields(Bob.UserName, "Big", new string('x', 2 * 1024 * 1024))]);
        using var request = new HttpRequestMessage(HttpMethod.Post, Paths.Create) { Content = new UnknownLengthContent(body) };

        var response = await Alice.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal((0, 0, 0), await CountRowsAsync());
    }

    [Fact]
    public async Task StreamedBodyUnderTheLimit_IsAccepted()
    {
        var form = await Alice.GetPageAsync(Paths.Create);
        var token = form.Single($"#um-compose-form input[name='{BrowserClient.TokenField}']").GetAttribute("value")!;
        var body = new FormUrlEncodedContent(
            [new(BrowserClient.TokenField, token), .. MessagingSteps.ComposeFields(Bob.UserName, "Small", "Hello")]);
        using var request = new HttpRequestMessage(HttpMethod.Post, Paths.Create) { Content = new UnknownLengthContent(body) };

        var response = await Alice.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, (await CountRowsAsync()).Threads);
    }

    /// <summary>A body sent chunked, without Content-Length, as a streaming client sends it.</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly HttpContent inner;

        public UnknownLengthContent(HttpContent inner)
        {
            this.inner = inner;
            Headers.ContentType = inner.Headers.ContentType;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
