using UserMessages.Services;
using UserMessages.Store;

namespace UserMessages.Tests.Search;

/// <summary>What someone types becomes a safe PostgreSQL tsquery: all words, the last one a prefix while being typed.</summary>
public sealed class FullTextQueryTests
{
    [Theory]
    [InlineData("apple", "'apple':*")]
    [InlineData("garden party", "'garden' & 'party':*")]
    [InlineData("50%", "'50'")]
    [InlineData("Öl mit", "'Öl' & 'mit':*")]
    [InlineData("it's & | ! ( ) : * '", "'it' & 's'")]
    [InlineData("e-mail", "'e' & 'mail':*")]
    [InlineData("नमस्ते", "'नमस्ते':*")]
    [InlineData("𠀀𠀁 x", "'𠀀𠀁' & 'x':*")]
    public void From_KeepsWordsOnly_AndMarksTheWordBeingTyped(string typed, string expected)
        => Assert.Equal(expected, FullTextQuery.From(typed));

    [Theory]
    [InlineData("🍎")]
    [InlineData("%%")]
    [InlineData(" - ")]
    public void From_TextWithoutAWord_IsNull(string typed) => Assert.Null(FullTextQuery.From(typed));
}
