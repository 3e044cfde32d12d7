namespace UserMessages.Sample;

/// <summary>The sample's own texts (English as the key, German in Resources/SampleTexts.de.resx), read through <c>IStringLocalizer&lt;SampleTexts&gt;</c>.</summary>
public sealed class SampleTexts;
