namespace UserMessages.ViewModels;

/// <summary>The compose page.</summary>
/// <param name="Form">The form, empty or as last submitted.</param>
public sealed record ComposeViewModel(ComposeForm Form);
