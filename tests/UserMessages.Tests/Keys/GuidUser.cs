using Microsoft.AspNetCore.Identity;

namespace UserMessages.Tests.Keys;

/// <summary>An Identity user keyed by a <see cref="Guid"/>.</summary>
public sealed class GuidUser : IdentityUser<Guid>;
