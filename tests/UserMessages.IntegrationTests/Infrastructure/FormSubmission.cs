using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>
/// What a browser does with a form beyond <see cref="BrowserClient.SubmitFormAsync"/>: ticks
/// checkboxes, sends the controls that belong to a form through their <c>form</c> attribute (the
/// folder pages' row checkboxes), sends the pressed button's own name and value, and submits GET forms.
/// </summary>
public static class FormSubmission
{
    /// <summary>Ticks the checkbox matching <paramref name="selector"/>, as a user clicking it would.</summary>
    public static void Tick(this HtmlPage page, string selector)
    {
        var checkbox = page.Single<IHtmlInputElement>(selector);
        Assert.Equal("checkbox", checkbox.Type);
        checkbox.IsChecked = true;
    }

    /// <summary>Unticks the checkbox matching <paramref name="selector"/>.</summary>
    public static void Untick(this HtmlPage page, string selector)
    {
        var checkbox = page.Single<IHtmlInputElement>(selector);
        Assert.Equal("checkbox", checkbox.Type);
        checkbox.IsChecked = false;
    }

    /// <summary>
    /// Presses the submit button matching <paramref name="buttonSelector"/>: posts its form's fields
    /// (wherever in the page they are), the button's name and value, then lets <paramref name="change"/>
    /// alter the fields (for requests a page would not send).
    /// </summary>
    public static Task<HttpResponseMessage> PressAsync(
        this BrowserClient browser, HtmlPage page, string buttonSelector, Action<List<KeyValuePair<string, string>>>? change = null)
    {
        var button = page.Single<IHtmlButtonElement>(buttonSelector);
        var form = FormOf(page, button);
        var fields = FieldsOf(page, form);
        if (button.GetAttribute("name") is { Length: > 0 } name)
        {
            fields.Add(new(name, button.GetAttribute("value") ?? string.Empty));
        }

        change?.Invoke(fields);
        var action = button.GetAttribute("formaction") is { Length: > 0 } formAction ? formAction
            : form.GetAttribute("action") is { Length: > 0 } a ? a
            : page.Response.RequestMessage!.RequestUri!.PathAndQuery;
        return browser.PostFormAsync(action, fields);
    }

    /// <summary>Submits a GET form (such as the search form) with <paramref name="values"/> typed into it, and reads the page.</summary>
    public static Task<HtmlPage> SubmitGetFormAsync(this BrowserClient browser, HtmlPage page, string formSelector, IReadOnlyDictionary<string, string> values)
    {
        var form = page.Single<IHtmlFormElement>(formSelector);
        Assert.Equal("get", (form.GetAttribute("method") ?? "get").ToLowerInvariant());
        var fields = FieldsOf(page, form);
        foreach (var (name, value) in values)
        {
            Assert.Contains(fields, f => f.Key == name);
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        var query = string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        return browser.GetPageAsync(form.GetAttribute("action") + "?" + query);
    }

    private static IHtmlFormElement FormOf(HtmlPage page, IElement control)
    {
        if (control.GetAttribute("form") is { Length: > 0 } formId)
        {
            return page.Single<IHtmlFormElement>("#" + formId);
        }

        return control.Closest("form") as IHtmlFormElement
            ?? throw new Xunit.Sdk.XunitException($"The control '{control.OuterHtml}' belongs to no form.");
    }

    /// <summary>The successful controls of <paramref name="form"/>: inside it (unless assigned elsewhere) or assigned to it by id.</summary>
    private static List<KeyValuePair<string, string>> FieldsOf(HtmlPage page, IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in page.Document.QuerySelectorAll("input[name], textarea[name]"))
        {
            var owner = element.GetAttribute("form") is { Length: > 0 } formId
                ? page.Document.GetElementById(formId)
                : element.Closest("form");
            if (owner != form)
            {
                continue;
            }

            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "submit" or "button" or "reset" or "image" or "file" }:
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, textArea.Value));
                    break;
            }
        }

        return fields;
    }
}
