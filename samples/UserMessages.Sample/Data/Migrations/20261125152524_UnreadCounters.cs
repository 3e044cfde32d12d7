using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UserMessages.Sample.Data.Migrations
{
    /// <inheritdoc />
    public partial class UnreadCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserMessagesParticipants_Unread",
                table: "UserMessagesParticipants");

            migrationBuilder.AddColumn<bool>(
                name: "CountedUnread",
                table: "UserMessagesParticipants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "UserMessagesMailboxCounters",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UnreadThreads = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserMessagesMailboxCounters", x => x.UserId);
                });

            // Existing threads: count what is unread in each inbox (State 0 is Active).
            migrationBuilder.Sql(
                """UPDATE "UserMessagesParticipants" SET "CountedUnread" = 1 WHERE "State" = 0 AND "IsUnread" = 1;""");
            migrationBuilder.Sql(
                """INSERT INTO "UserMessagesMailboxCounters" ("UserId", "UnreadThreads") SELECT "UserId", COUNT(*) FROM "UserMessagesParticipants" WHERE "CountedUnread" = 1 GROUP BY "UserId";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UserMessagesMailboxCounters");

            migrationBuilder.DropColumn(
                name: "CountedUnread",
                table: "UserMessagesParticipants");

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesParticipants_Unread",
                table: "UserMessagesParticipants",
                columns: new[] { "UserId", "State", "IsUnread" });
        }
    }
}
