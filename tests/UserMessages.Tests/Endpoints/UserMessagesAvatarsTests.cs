using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using UserMessages.Tests.Infrastructure;
using UserMessages.Web;

namespace UserMessages.Tests.Endpoints;

/// <summary>
/// Issue 5: the package writes its own avatar markup straight into rows and messages (no partial
/// view per avatar); a host's override of <c>_Avatar.cshtml</c> is still the one rendered.
/// </summary>
public sealed class UserMessagesAvatarsTests
{
    [Theory]
    [InlineData("alice", "A")]
    [InlineData("  élodie ", "É")]
    [InlineData("😀 smiley", "&#x1F600;")] // the whole code point (encoded: outside the basic plane)
    [InlineData("   ", "?")]
    public void Avatar_IsTheFirstLetterUpperCased_InTheHueOfTheName(string name, string initial)
    {
        var hue = name.Trim().Sum(c => (int)c) % 6;

        Assert.Equal($"<span class=\"um-avatar\" data-um-hue=\"{hue}\" aria-hidden=\"true\">{initial}</span>", Write(UserMessagesAvatars.For(name)));
    }

    [Fact]
    public void Avatar_EncodesTheInitial()
        => Assert.Equal("<span class=\"um-avatar\" data-um-hue=\"0\" aria-hidden=\"true\">&lt;</span>", Write(UserMessagesAvatars.For("<<<<<<")));

    [Fact]
    public async Task PackagesOwnAvatarView_IsWrittenWithoutAPartial_AndLookedUpOncePerRequest()
    {
        var packageView = typeof(UserMessagesAvatars).Assembly.GetType("AspNetCoreGeneratedDocument.Areas_UserMessages_Views_Shared__Avatar", throwOnError: true)!;
        var view = new RazorView(
            Mock.Of<IRazorViewEngine>(), Mock.Of<IRazorPageActivator>(), [], (IRazorPage)Activator.CreateInstance(packageView)!, HtmlEncoder.Default, new DiagnosticListener("test"));
        var (html, engine) = Page(view);

        var first = await UserMessagesAvatars.ForAsync(html.Object, "alice");
        var second = await UserMessagesAvatars.ForAsync(html.Object, "bob");

        Assert.Equal(Write(UserMessagesAvatars.For("alice")), Write(first));
        Assert.Equal(Write(UserMessagesAvatars.For("bob")), Write(second));
        html.Verify(h => h.PartialAsync(It.IsAny<string>(), It.IsAny<object>(), It.IsAny<ViewDataDictionary>()), Times.Never);
        engine.Verify(e => e.GetView(null, UserMessagesAvatars.ViewPath, false), Times.Once);
    }

    [Fact]
    public async Task HostsOverrideOfTheAvatarView_IsRenderedAsAPartial_WithTheNameAsModel()
    {
        var (html, _) = Page(Mock.Of<IView>());
        html.Setup(h => h.PartialAsync(UserMessagesAvatars.ViewPath, "alice", null)).ReturnsAsync(new HtmlString("<img alt=\"\" src=\"/faces/alice.png\">"));

        var avatar = await UserMessagesAvatars.ForAsync(html.Object, "alice");

        Assert.Equal("<img alt=\"\" src=\"/faces/alice.png\">", Write(avatar));
    }

    /// <summary>An HTML helper on a request whose view engine finds <paramref name="avatarView"/> at the avatar's path.</summary>
    private static (Mock<IHtmlHelper> Html, Mock<ICompositeViewEngine> Engine) Page(IView avatarView)
    {
        var engine = new Mock<ICompositeViewEngine>();
        engine.Setup(e => e.GetView(null, UserMessagesAvatars.ViewPath, false)).Returns(ViewEngineResult.Found(UserMessagesAvatars.ViewPath, avatarView));
        var http = new DefaultHttpContext { RequestServices = new TestHostBuilder().WithoutUserMessages().ConfigureServices(s => s.AddSingleton(engine.Object)).BuildServiceProvider() };
        var html = new Mock<IHtmlHelper>();
        html.Setup(h => h.ViewContext).Returns(new ViewContext { HttpContext = http });
        return (html, engine);
    }

    private static string Write(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Create(UnicodeRanges.All));
        return writer.ToString();
    }
}
