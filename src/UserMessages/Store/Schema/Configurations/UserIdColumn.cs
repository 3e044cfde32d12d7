using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace UserMessages.Storage;

/// <summary>The width of the columns holding user ids: the one ASP.NET Core Identity's string keys get on the model's database.</summary>
internal static class UserIdColumn
{
    /// <summary>Identity's string keys on SQL Server, and the width used wherever no narrower one is needed.</summary>
    public const int MaxLength = 450;

    /// <summary>On MySQL and MariaDB (64-character identifiers) string keys are 255 wide, so that a key of two ids fits InnoDB's 3,072 bytes.</summary>
    public const int MySqlMaxLength = 255;

    /// <summary>The width for <paramref name="model"/>'s provider.</summary>
    public static int For(IReadOnlyModel model) => model.GetMaxIdentifierLength() == 64 ? MySqlMaxLength : MaxLength;
}
