using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UserMessages.Sample.Data.PostgresMigrations
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "UserMessagesMailboxCounters",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UnreadThreads = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserMessagesMailboxCounters", x => x.UserId);
                });

            // Existing threads: count what is unread in each inbox (State 0 is Active).
            migrationBuilder.Sql(
                """UPDATE "UserMessagesParticipants" SET "CountedUnread" = TRUE WHERE "State" = 0 AND "IsUnread" = TRUE;""");
            migrationBuilder.Sql(
                """INSERT INTO "UserMessagesMailboxCounters" ("UserId", "UnreadThreads") SELECT "UserId", COUNT(*) FROM "UserMessagesParticipants" WHERE "CountedUnread" = TRUE GROUP BY "UserId";""");
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
