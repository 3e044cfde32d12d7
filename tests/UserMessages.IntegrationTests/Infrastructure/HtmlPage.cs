using System.Net;
using AngleSharp.Dom;

namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>A fetched page: the response, its markup as sent, and the parsed document.</summary>
public sealed record HtmlPage(HttpResponseMessage Response, string Html, IDocument Document)
{
    public HttpStatusCode Status => Response.StatusCode;

    /// <summary>The one element matching <paramref name="selector"/>; fails the test when there is none.</summary>
    public IElement Single(string selector)
        => Document.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"No element '{selector}' on the page ({(int)Status}):\n{Html}");

    public T Single<T>(string selector)
        where T : class, IElement
        => Single(selector) as T ?? throw new Xunit.Sdk.XunitException($"'{selector}' is not a {typeof(T).Name}.");

    public IElement? Find(string selector) => Document.QuerySelector(selector);

    /// <summary>The thread row of <paramref name="threadId"/> in a folder list, or null.</summary>
    public IElement? ThreadRow(long threadId) => Document.QuerySelector($"#um-thread-list [data-um-thread-id='{threadId}']");

    /// <summary>The stylesheets and scripts the layout's head links to, as written on the page.</summary>
    public IReadOnlyList<string> HeadReferences
        => Document.QuerySelectorAll("head link[href], head script[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).ToList();

    /// <summary>The number the unread badge in the layout shows.</summary>
    public int UnreadBadgeCount => int.Parse(Single("#um-unread-badge").GetAttribute("data-um-unread-count")!, System.Globalization.CultureInfo.InvariantCulture);
}
