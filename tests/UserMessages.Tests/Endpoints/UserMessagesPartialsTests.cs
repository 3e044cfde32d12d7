using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using UserMessages.Tests.Infrastructure;
using UserMessages.Web;

namespace UserMessages.Tests.Endpoints;

/// <summary>
/// Issue 5: a list's partial view runs once per item without a partial each when it is the
/// package's own; a host's override of it is rendered as a partial per item, with each item's model.
/// </summary>
public sealed class UserMessagesPartialsTests
{
    private const string Path = "/Areas/UserMessages/Views/Shared/_ThreadRow.cshtml";

    [Fact]
    public async Task HostsOverride_IsRenderedAsOnePartialPerItem_InOrder_WithEachItemsModel()
    {
        var engine = new Mock<ICompositeViewEngine>();
        engine.Setup(e => e.GetView(null, Path, false)).Returns(ViewEngineResult.Found(Path, Mock.Of<IView>()));
        var http = new DefaultHttpContext { RequestServices = new TestHostBuilder().WithoutUserMessages().ConfigureServices(s => s.AddSingleton(engine.Object)).BuildServiceProvider() };
        var html = new Mock<IHtmlHelper>(MockBehavior.Strict);
        html.Setup(h => h.ViewContext).Returns(new ViewContext { HttpContext = http });
        var rendered = new List<object?>();
        html.Setup(h => h.RenderPartialAsync(Path, It.IsAny<object>(), null))
            .Callback((string _, object model, ViewDataDictionary _) => rendered.Add(model))
            .Returns(Task.CompletedTask);

        await UserMessagesPartials.RenderEachAsync(html.Object, Path, new[] { "first", "second", "third" });

        Assert.Equal(["first", "second", "third"], rendered);
        engine.Verify(e => e.GetView(null, Path, false), Times.Once);
    }

    [Fact]
    public async Task NoItems_RendersNothing()
    {
        var engine = new Mock<ICompositeViewEngine>();
        engine.Setup(e => e.GetView(null, Path, false)).Returns(ViewEngineResult.Found(Path, Mock.Of<IView>()));
        var http = new DefaultHttpContext { RequestServices = new TestHostBuilder().WithoutUserMessages().ConfigureServices(s => s.AddSingleton(engine.Object)).BuildServiceProvider() };
        var html = new Mock<IHtmlHelper>(MockBehavior.Strict);
        html.Setup(h => h.ViewContext).Returns(new ViewContext { HttpContext = http });

        await UserMessagesPartials.RenderEachAsync(html.Object, Path, Array.Empty<string>());

        html.Verify(h => h.RenderPartialAsync(It.IsAny<string>(), It.IsAny<object>(), It.IsAny<ViewDataDictionary>()), Times.Never);
    }
}
