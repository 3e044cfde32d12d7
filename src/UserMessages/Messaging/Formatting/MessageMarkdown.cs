using System.Net;
using System.Text;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace UserMessages.Services;

/// <summary>
/// The small Markdown messages are written in (paragraphs, line breaks, emphasis, links, lists, quotes, code), rendered
/// once when a message is stored: raw HTML is text, headings, rules and images are not made, links are
/// <c>http</c>, <c>https</c> or <c>mailto</c> only and marked <c>nofollow ugc noopener noreferrer</c>, and bare URLs become links.
/// </summary>
internal static class MessageMarkdown
{
    /// <summary>The schemes a link may have; any other link (relative ones too) is left as its text.</summary>
    private static readonly string[] AllowedSchemes = ["http://", "https://", "mailto:"];

    /// <summary>Every link's <c>rel</c>: no ranking credit, marked as user content, no access to this page from the one opened.</summary>
    private const string Rel = "nofollow ugc noopener noreferrer";

    private static readonly MarkdownPipeline Pipeline = Build();

    /// <summary>
    /// The HTML for <paramref name="source"/>, safe to write into a page as it is. Text nested deeper than Markdig
    /// parses (thousands of quote or list levels) is rendered as plain text.
    /// </summary>
    public static string Render(string source)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(source, Pipeline);
        }
        catch (ArgumentException)
        {
            return RenderPlain(source);
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsAllowed(link.Url))
            {
                Unwrap(link);
                continue;
            }

            // No picture from elsewhere loads in a message (it would tell its sender who read it, and when): a link to it.
            link.IsImage = false;
            link.GetAttributes().AddProperty("rel", Rel);
        }

        foreach (var link in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsAllowed(link.IsEmail ? "mailto:" + link.Url : link.Url))
            {
                link.ReplaceBy(new LiteralInline(link.Url));
                continue;
            }

            link.GetAttributes().AddProperty("rel", Rel);
        }

        return document.ToHtml(Pipeline).TrimEnd('\n');
    }

    /// <summary>The HTML <paramref name="source"/> will be shown as: rendered from its Markdown, or with <paramref name="formatting"/> off as plain text.</summary>
    public static string Preview(string source, bool formatting) => formatting ? Render(source) : RenderPlain(source);

    /// <summary>The HTML of a message stored as plain text: encoded, in one paragraph, its line breaks kept.</summary>
    public static string RenderPlain(string text)
    {
        var html = new StringBuilder("<p>");
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            html.Append(i > 0 ? "<br />\n" : string.Empty).Append(WebUtility.HtmlEncode(lines[i]));
        }

        return html.Append("</p>").ToString();
    }

    private static bool IsAllowed(string? url)
        => url is not null && AllowedSchemes.Any(scheme => url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase));

    /// <summary>Puts a link's text where the link was.</summary>
    private static void Unwrap(LinkInline link)
    {
        Inline anchor = link;
        foreach (var child in link.ToList())
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }

        link.Remove();
    }

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UseAutoLinks()
            .UseSoftlineBreakAsHardlineBreak();
        builder.BlockParsers.RemoveAll(parser => parser is HeadingBlockParser or ThematicBreakParser);
        builder.BlockParsers.Find<ParagraphBlockParser>()!.ParseSetextHeadings = false;
        return builder.Build();
    }
}
