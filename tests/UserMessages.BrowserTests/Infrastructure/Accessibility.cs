using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace UserMessages.BrowserTests.Infrastructure;

/// <summary>axe-core (embedded in Deque.AxeCore.Playwright, nothing fetched) over the page as it is now.</summary>
public static class Accessibility
{
    /// <summary>The serious and critical violations on the page, one line each: rule, what it means, where.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .SelectMany(v => v.Nodes.Select(n => $"{page.Url}: {v.Id} ({v.Impact}): {v.Help} at {n.Target} {n.Html}"))
            .ToList();
    }
}
