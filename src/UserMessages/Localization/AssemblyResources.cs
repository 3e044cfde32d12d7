using Microsoft.Extensions.Localization;

// The package's resources sit under Resources/ whatever ResourcesPath the host gives AddLocalization.
[assembly: ResourceLocation("Resources")]
[assembly: RootNamespace("UserMessages")]
