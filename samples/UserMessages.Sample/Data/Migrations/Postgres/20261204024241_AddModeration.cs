using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace UserMessages.Sample.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddModeration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UserMessagesHeldMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SenderId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ThreadId = table.Column<long>(type: "bigint", nullable: true),
                    RecipientIds = table.Column<string>(type: "text", nullable: true),
                    Subject = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    Content = table.Column<string>(type: "text", nullable: false),
                    HeldAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserMessagesHeldMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UserMessagesModerationLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModeratorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ReportId = table.Column<long>(type: "bigint", nullable: true),
                    MessageId = table.Column<long>(type: "bigint", nullable: true),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserMessagesModerationLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UserMessagesReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<long>(type: "bigint", nullable: false),
                    ThreadId = table.Column<long>(type: "bigint", nullable: false),
                    ReporterId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SenderId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MessageContent = table.Column<string>(type: "text", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolvedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserMessagesReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserMessagesReports_Message",
                        column: x => x.MessageId,
                        principalTable: "UserMessagesMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserMessagesSuspensions",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ModeratorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserMessagesSuspensions", x => x.UserId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesHeldMessages_Sender_Thread",
                table: "UserMessagesHeldMessages",
                columns: new[] { "SenderId", "ThreadId" });

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesModerationLog_User",
                table: "UserMessagesModerationLog",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesReports_Message_Reporter",
                table: "UserMessagesReports",
                columns: new[] { "MessageId", "ReporterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesReports_Reporter_ReportedAt",
                table: "UserMessagesReports",
                columns: new[] { "ReporterId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesReports_Status",
                table: "UserMessagesReports",
                columns: new[] { "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UserMessagesHeldMessages");

            migrationBuilder.DropTable(
                name: "UserMessagesModerationLog");

            migrationBuilder.DropTable(
                name: "UserMessagesReports");

            migrationBuilder.DropTable(
                name: "UserMessagesSuspensions");
        }
    }
}
