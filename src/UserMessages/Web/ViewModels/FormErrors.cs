namespace UserMessages.ViewModels;

/// <summary>Field errors of a submitted form, keyed by field name (<c>To</c>, <c>Subject</c>, <c>Content</c>).</summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    /// <summary>Whether any field has an error.</summary>
    public bool Any => errors.Count > 0;

    /// <summary>Every error of every field, in the order they were added.</summary>
    public IEnumerable<string> All => errors.Values.SelectMany(e => e);

    /// <summary>The errors of one field (empty when none).</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The error sentences.</returns>
    public IReadOnlyList<string> For(string field) => errors.TryGetValue(field, out var list) ? list : [];

    /// <summary>Whether one field has an error.</summary>
    /// <param name="field">The field name.</param>
    /// <returns><see langword="true"/> when it has.</returns>
    public bool Has(string field) => errors.ContainsKey(field);

    /// <summary>Adds an error to a field.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="error">The sentence.</param>
    public void Add(string field, string error)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(error);
    }
}
