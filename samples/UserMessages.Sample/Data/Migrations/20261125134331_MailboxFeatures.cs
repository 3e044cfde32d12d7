using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UserMessages.Sample.Data.Migrations
{
    /// <inheritdoc />
    public partial class MailboxFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserMessagesParticipants_Sent",
                table: "UserMessagesParticipants");

            migrationBuilder.RenameColumn(
                name: "IsDeleted",
                table: "UserMessagesParticipants",
                newName: "State");

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "UserMessagesThreads",
                type: "TEXT",
                maxLength: 450,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "StateChangedAt",
                table: "UserMessagesParticipants",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "AboutUserId",
                table: "UserMessagesMessages",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "UserMessagesMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Carry the old data over: IsDeleted (1) means the trash (2) now; who started each thread
            // is the sender of its first message; a state "changed" when its thread last moved.
            migrationBuilder.Sql("UPDATE \"UserMessagesParticipants\" SET \"State\" = 2 WHERE \"State\" = 1;");
            migrationBuilder.Sql("UPDATE \"UserMessagesParticipants\" SET \"StateChangedAt\" = \"LatestMessageAt\";");
            migrationBuilder.Sql("UPDATE \"UserMessagesThreads\" SET \"CreatedById\" = COALESCE((SELECT m.\"SenderId\" FROM \"UserMessagesMessages\" AS m WHERE m.\"ThreadId\" = \"UserMessagesThreads\".\"Id\" ORDER BY m.\"SentAt\", m.\"Id\" LIMIT 1), '');");

            migrationBuilder.CreateTable(
                name: "UserMessagesBlocks",
                columns: table => new
                {
                    BlockerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    BlockedId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserMessagesBlocks", x => new { x.BlockerId, x.BlockedId });
                });

            migrationBuilder.CreateTable(
                name: "UserMessagesPendingNotifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecipientId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ThreadId = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeadlineAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserMessagesPendingNotifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UserMessagesPreferences",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    NotifyByEmail = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserMessagesPreferences", x => x.UserId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesThreads_CreatedBy",
                table: "UserMessagesThreads",
                columns: new[] { "CreatedById", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesParticipants_Sent",
                table: "UserMessagesParticipants",
                columns: new[] { "UserId", "HasSent", "LatestMessageAt", "ThreadId" });

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesParticipants_State",
                table: "UserMessagesParticipants",
                columns: new[] { "State", "StateChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesMessages_Sender_SentAt",
                table: "UserMessagesMessages",
                columns: new[] { "SenderId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesBlocks_Blocked",
                table: "UserMessagesBlocks",
                column: "BlockedId");

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesPendingNotifications_DueAt",
                table: "UserMessagesPendingNotifications",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesPendingNotifications_Recipient",
                table: "UserMessagesPendingNotifications",
                columns: new[] { "RecipientId", "ThreadId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Only the trash maps back to IsDeleted; archived and left threads return to the inbox.
            migrationBuilder.Sql("UPDATE \"UserMessagesParticipants\" SET \"State\" = CASE WHEN \"State\" = 2 THEN 1 ELSE 0 END;");

            migrationBuilder.DropTable(
                name: "UserMessagesBlocks");

            migrationBuilder.DropTable(
                name: "UserMessagesPendingNotifications");

            migrationBuilder.DropTable(
                name: "UserMessagesPreferences");

            migrationBuilder.DropIndex(
                name: "IX_UserMessagesThreads_CreatedBy",
                table: "UserMessagesThreads");

            migrationBuilder.DropIndex(
                name: "IX_UserMessagesParticipants_Sent",
                table: "UserMessagesParticipants");

            migrationBuilder.DropIndex(
                name: "IX_UserMessagesParticipants_State",
                table: "UserMessagesParticipants");

            migrationBuilder.DropIndex(
                name: "IX_UserMessagesMessages_Sender_SentAt",
                table: "UserMessagesMessages");

            migrationBuilder.DropColumn(
                name: "CreatedById",
                table: "UserMessagesThreads");

            migrationBuilder.DropColumn(
                name: "StateChangedAt",
                table: "UserMessagesParticipants");

            migrationBuilder.DropColumn(
                name: "AboutUserId",
                table: "UserMessagesMessages");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "UserMessagesMessages");

            migrationBuilder.RenameColumn(
                name: "State",
                table: "UserMessagesParticipants",
                newName: "IsDeleted");

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesParticipants_Sent",
                table: "UserMessagesParticipants",
                columns: new[] { "UserId", "HasSent", "IsDeleted", "LatestMessageAt", "ThreadId" });
        }
    }
}
