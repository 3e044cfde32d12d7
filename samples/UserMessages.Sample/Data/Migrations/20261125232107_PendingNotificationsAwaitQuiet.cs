using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UserMessages.Sample.Data.Migrations
{
    /// <inheritdoc />
    public partial class PendingNotificationsAwaitQuiet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AwaitsQuiet",
                table: "UserMessagesPendingNotifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesPendingNotifications_AwaitsQuiet",
                table: "UserMessagesPendingNotifications",
                columns: new[] { "RecipientId", "AwaitsQuiet" });

            // Rows queued before this migration: those not yet pushed to their deadline wait for the quiet period.
            migrationBuilder.Sql(
                """UPDATE "UserMessagesPendingNotifications" SET "AwaitsQuiet" = 1 WHERE "DueAt" < "DeadlineAt";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserMessagesPendingNotifications_AwaitsQuiet",
                table: "UserMessagesPendingNotifications");

            migrationBuilder.DropColumn(
                name: "AwaitsQuiet",
                table: "UserMessagesPendingNotifications");
        }
    }
}
