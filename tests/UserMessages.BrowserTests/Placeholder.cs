namespace UserMessages.BrowserTests;

internal static class Placeholder;
