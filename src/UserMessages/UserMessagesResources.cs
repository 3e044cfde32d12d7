namespace UserMessages;

/// <summary>
/// The package's strings: views and errors read them through
/// <c>IStringLocalizer&lt;UserMessagesResources&gt;</c>. The English text is the key; the package
/// ships German (<c>de</c>). A host adds a language or changes a text with its own localizer or resources.
/// </summary>
public sealed class UserMessagesResources
{
    private UserMessagesResources()
    {
    }
}
