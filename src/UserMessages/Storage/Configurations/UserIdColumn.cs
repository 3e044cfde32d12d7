namespace UserMessages.Storage.Configurations;

internal static class UserIdColumn
{
    /// <summary>The same width ASP.NET Core Identity gives its string keys.</summary>
    public const int MaxLength = 450;
}
