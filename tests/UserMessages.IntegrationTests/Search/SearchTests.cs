using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Search;

/// <summary>Issue 3 §3: the search form finds the user's own threads by subject and content, in every folder.</summary>
public sealed class SearchTests : MessagingTest, IClassFixture<SharedApp>
{
    public SearchTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task SearchForm_FindsThreadsBySubject_WhateverTheCase()
    {
        var holiday = await Alice.StartThreadAsync(Bob.UserName, "Holiday plans", "Where shall we go?");
        await Alice.StartThreadAsync(Bob.UserName, "Budget", "The numbers for March");

        var results = await Alice.SearchAsync("HOLIDAY");

        Assert.Equal(HttpStatusCode.OK, results.Status);
        Assert.Equal(new[] { holiday }, results.RowIds());
        Assert.Equal("HOLIDAY", results.Single("#um-search-q").GetAttribute("value"));
    }

    [Fact]
    public async Task SearchForm_FindsThreadsByTheContentOfAnyMessage()
    {
        var fruit = await Alice.StartThreadAsync(Bob.UserName, "Shopping", "Milk and bread");
        await Alice.StartThreadAsync(Bob.UserName, "Budget", "The numbers for March");
        await Bob.ReplyAsync(fruit, "And a pineapple, please.");

        var results = await Alice.SearchAsync("pineapple");

        Assert.Equal(new[] { fruit }, results.RowIds());
        Assert.Equal(Paths.Thread(fruit), results.ThreadRow(fruit)!.QuerySelector("a.um-thread__link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task SearchForm_FindsThreadsMatchingBySubjectOrContent_NewestActivityFirst()
    {
        var bySubject = await Alice.StartThreadAsync(Bob.UserName, "Garden party", "Saturday");
        var byContent = await Alice.StartThreadAsync(Bob.UserName, "Weekend", "A garden party at Carol's?");
        await Alice.StartThreadAsync(Bob.UserName, "Budget", "The numbers for March");

        var results = await Alice.SearchAsync("garden party");

        Assert.Equal(new[] { byContent, bySubject }, results.RowIds());
    }

    [Fact]
    public async Task SearchResults_IncludeArchivedAndDeletedThreads_WithTheirTag()
    {
        var active = await Alice.StartThreadAsync(Bob.UserName, "Report one", "Draft");
        var archived = await Alice.StartThreadAsync(Bob.UserName, "Report two", "Draft");
        var deleted = await Alice.StartThreadAsync(Bob.UserName, "Report three", "Draft");
        await Alice.PressThreadButtonAsync(archived, "um-archive");
        await Alice.DeleteAsync(deleted);

        var results = await Alice.SearchAsync("report");

        Assert.Equal(new[] { deleted, archived, active }, results.RowIds());
        Assert.Equal("archived", results.ThreadRow(archived)!.QuerySelector("span.um-tag")!.GetAttribute("data-um-state"));
        Assert.Equal("deleted", results.ThreadRow(deleted)!.QuerySelector("span.um-tag")!.GetAttribute("data-um-state"));
        Assert.Null(results.ThreadRow(active)!.QuerySelector("span.um-tag"));
    }

    [Fact]
    public async Task SearchResults_HaveNoBulkCheckboxes()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Report", "Draft");

        var results = await Alice.SearchAsync("report");

        Assert.Null(results.ThreadRow(threadId)!.QuerySelector("input[name='ids']"));
    }

    [Fact]
    public async Task Search_NeverShowsAThreadOfOtherUsers()
    {
        await Alice.StartThreadAsync(Bob.UserName, "Secret pineapple", "A pineapple for the pineapple lover");
        var carolsOwn = await Carol.StartThreadAsync(Bob.UserName, "Apples", "Green ones");

        var bySubject = await Carol.SearchAsync("pineapple");
        var byOwnWord = await Carol.SearchAsync("apple");

        Assert.Equal(HttpStatusCode.OK, bySubject.Status);
        Assert.Empty(bySubject.RowIds());
        Assert.NotNull(bySubject.Find("#um-empty"));
        Assert.DoesNotContain("Secret", bySubject.Html, StringComparison.Ordinal);
        Assert.Equal(new[] { carolsOwn }, byOwnWord.RowIds());
    }

    [Fact]
    public async Task Search_TreatsLikeWildcardsAsPlainText()
    {
        var percent = await Alice.StartThreadAsync(Bob.UserName, "Discount", "Save 50% today");
        await Alice.StartThreadAsync(Bob.UserName, "Numbers", "500 items");

        var results = await Alice.SearchAsync("50%");

        Assert.Equal(new[] { percent }, results.RowIds());
    }

    [Fact]
    public async Task AOneCharacterQuery_ComesBackWith400_AndAnError()
    {
        await Alice.StartThreadAsync(Bob.UserName, "x marks the spot", "x");

        var results = await Alice.SearchAsync("x");

        Assert.Equal(HttpStatusCode.BadRequest, results.Status);
        Assert.False(string.IsNullOrWhiteSpace(results.Single("#um-search-error").TextContent));
        Assert.Equal("x", results.Single("#um-search-q").GetAttribute("value"));
        Assert.Null(results.Find("#um-thread-list"));
    }

    [Fact]
    public async Task SearchPage_WithoutAQuery_ShowsTheFormOnly()
    {
        var page = await Alice.GetPageAsync(MailboxPaths.Search);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Find("#um-search-form #um-search-q"));
        Assert.Null(page.Find("#um-search-error"));
        Assert.Null(page.Find("#um-thread-list"));
    }

    [Fact]
    public async Task SearchForm_IsOnEveryFolderPage_AndLeadsToTheSearchPage()
    {
        foreach (var folder in new[] { Paths.Inbox, Paths.Sent, MailboxPaths.Archive, Paths.Trash })
        {
            var page = await Alice.GetPageAsync(folder);
            var form = page.Single("#um-search-form");
            Assert.Equal(MailboxPaths.Search, form.GetAttribute("action"));
            Assert.Equal("q", page.Single("#um-search-q").GetAttribute("name"));
        }
    }
}
