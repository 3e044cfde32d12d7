using AngleSharp.Html.Parser;
using UserMessages.Services;

namespace UserMessages.Tests.Formatting;

/// <summary>Issue 22, item 1: the small Markdown messages are written in, and what it never lets through.</summary>
public sealed class MessageMarkdownTests
{
    private const string Rel = "nofollow ugc noopener noreferrer";

    [Fact]
    public void Emphasis_Lists_Quotes_AndCode_AreFormatted()
    {
        var html = MessageMarkdown.Render("Hello *there* and **you**\n\n- one\n- two\n\n1. first\n\n> quoted\n\n`inline <b>` and\n\n```\nblock <i>\n```");

        var body = Parse(html);
        Assert.Equal("there", body.QuerySelector("p > em")!.TextContent);
        Assert.Equal("you", body.QuerySelector("p > strong")!.TextContent);
        Assert.Equal(["one", "two"], body.QuerySelectorAll("ul > li").Select(li => li.TextContent));
        Assert.Equal("first", body.QuerySelector("ol > li")!.TextContent);
        Assert.Equal("quoted", body.QuerySelector("blockquote > p")!.TextContent);
        Assert.Equal("inline <b>", body.QuerySelector("p > code")!.TextContent);
        Assert.Equal("block <i>\n", body.QuerySelector("pre > code")!.TextContent);
        Assert.Null(body.QuerySelector("b, i"));
    }

    [Fact]
    public void ALineBreak_IsKept_AndABlankLine_StartsAParagraph()
    {
        var body = Parse(MessageMarkdown.Render("first line\nsecond line\n\nnext paragraph"));

        Assert.Equal(2, body.QuerySelectorAll("p").Length);
        Assert.NotNull(body.QuerySelector("p:first-child > br"));
        Assert.Equal("first line\nsecond line", body.QuerySelector("p")!.TextContent);
    }

    [Theory]
    [InlineData("see https://example.com/a?b=1 now", "https://example.com/a?b=1")]
    [InlineData("see http://example.com", "http://example.com")]
    [InlineData("see www.example.com", "http://www.example.com")]
    [InlineData("[the docs](https://example.com/docs)", "https://example.com/docs")]
    [InlineData("<https://example.com/auto>", "https://example.com/auto")]
    [InlineData("[write to me](mailto:me@example.com)", "mailto:me@example.com")]
    [InlineData("<me@example.com>", "mailto:me@example.com")]
    public void Links_AndBareUrls_AreLinks_MarkedNofollowUgcNoopenerNoreferrer(string source, string href)
    {
        var link = Assert.Single(Parse(MessageMarkdown.Render(source)).QuerySelectorAll("a"));

        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal(Rel, link.GetAttribute("rel"));
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))", "click")]
    [InlineData("[click](JavaScript:alert(1))", "click")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)", "click")]
    [InlineData("[click](vbscript:msgbox)", "click")]
    [InlineData("[click](/relative/path)", "click")]
    [InlineData("[click](//evil.example/x)", "click")]
    [InlineData("<javascript:alert(1)>", "javascript:alert(1)")]
    [InlineData("[a]: javascript:alert(1)\n\n[a]", "a")]
    [InlineData("ftp://files.example.com/x", "ftp://files.example.com/x")]
    public void ALinkWithAnyOtherScheme_IsLeftAsItsText(string source, string text)
    {
        var body = Parse(MessageMarkdown.Render(source));

        Assert.Empty(body.QuerySelectorAll("a"));
        Assert.Equal(text, body.TextContent.Trim());
    }

    [Fact]
    public void RawHtml_IsShownAsText_NeverAsElements()
    {
        var source = "<script>alert(1)</script> <img src=x onerror=alert(1)> <a href=\"javascript:x\">x</a>\n\n<div onclick=\"x\">block</div>";

        var body = Parse(MessageMarkdown.Render(source));

        Assert.Empty(body.QuerySelectorAll("script, img, div, a, [onerror], [onclick]"));
        Assert.Contains("<script>alert(1)</script>", body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AnImage_BecomesALinkToIt_SoNothingLoadsFromElsewhere()
    {
        var body = Parse(MessageMarkdown.Render("![a cat](https://example.com/cat.png) ![x](javascript:alert(1))"));

        Assert.Empty(body.QuerySelectorAll("img"));
        var link = Assert.Single(body.QuerySelectorAll("a"));
        Assert.Equal("https://example.com/cat.png", link.GetAttribute("href"));
        Assert.Equal("a cat", link.TextContent);
    }

    [Theory]
    [InlineData("# Not a heading")]
    [InlineData("Not a heading\n===")]
    [InlineData("Not a heading\n---")]
    public void Headings_AndRules_AreNotMade(string source)
    {
        var body = Parse(MessageMarkdown.Render(source));

        Assert.Empty(body.QuerySelectorAll("h1, h2, h3, h4, h5, h6, hr"));
        Assert.NotNull(body.QuerySelector("p"));
    }

    [Fact]
    public void AttributesOfALink_AreEncoded()
    {
        var body = Parse(MessageMarkdown.Render("[x](https://example.com/\"onmouseover=\"alert(1) \"a \\\" title\")"));

        var link = Assert.Single(body.QuerySelectorAll("a"));
        Assert.Null(link.GetAttribute("onmouseover"));
        Assert.StartsWith("https://example.com/", link.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void PlainText_IsEncoded_InOneParagraph_WithItsLineBreaks()
    {
        var body = Parse(MessageMarkdown.RenderPlain("a <b> *not emphasis*\r\nsecond"));

        var paragraph = Assert.Single(body.QuerySelectorAll("p"));
        Assert.Empty(body.QuerySelectorAll("b, em"));
        Assert.Equal("a <b> *not emphasis*\nsecond", paragraph.TextContent);
        Assert.NotNull(paragraph.QuerySelector("br"));
    }

    [Fact]
    public void Preview_FollowsTheFormattingOption()
    {
        Assert.Equal("<p><em>hi</em></p>", MessageMarkdown.Preview("*hi*", formatting: true));
        Assert.Equal("<p>*hi*</p>", MessageMarkdown.Preview("*hi*", formatting: false));
    }

    [Fact]
    public void DeeplyNestedQuotesAndLists_RenderWithoutFailing()
    {
        var html = MessageMarkdown.Render(new string('>', 5_000) + " deep\n\n" + string.Concat(Enumerable.Repeat("- ", 2_000)) + "x");

        Assert.Contains("deep", Parse(html).TextContent, StringComparison.Ordinal);
    }

    private static AngleSharp.Dom.IElement Parse(string html) => new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!;
}
