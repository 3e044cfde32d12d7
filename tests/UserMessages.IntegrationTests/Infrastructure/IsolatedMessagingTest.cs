namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>
/// A <see cref="MessagingTest"/> whose every test starts an app of its own, for tests that other tests'
/// users or data in a shared app would change; a class deriving from it says why.
/// </summary>
public abstract class IsolatedMessagingTest : MessagingTest
{
    protected IsolatedMessagingTest()
        : base(sharedApp: null)
    {
    }
}
