using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UserMessages.Sample.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddMessageEdits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EditedAt",
                table: "UserMessagesMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UserMessagesMessageEdits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHtml = table.Column<string>(type: "TEXT", nullable: true),
                    ReplacedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserMessagesMessageEdits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserMessagesMessageEdits_Message",
                        column: x => x.MessageId,
                        principalTable: "UserMessagesMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesMessageEdits_Message_ReplacedAt",
                table: "UserMessagesMessageEdits",
                columns: new[] { "MessageId", "ReplacedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UserMessagesMessageEdits");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "UserMessagesMessages");
        }
    }
}
