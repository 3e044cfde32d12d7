using System.Globalization;

namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>The <c>Retry-After</c> header of a refusal, which the package writes as whole seconds.</summary>
public static class RetryAfter
{
    /// <summary>The response's one <c>Retry-After</c> value in seconds; fails the test when there is none, or it is not whole seconds.</summary>
    public static int Seconds(HttpResponseMessage response)
    {
        var value = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.True(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds), $"Retry-After is not whole seconds: '{value}'");
        return seconds;
    }
}
