using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UserMessages.Sample.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddHeldAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HeldMessageId",
                table: "UserMessagesAttachments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesAttachments_HeldMessage",
                table: "UserMessagesAttachments",
                column: "HeldMessageId");

            migrationBuilder.AddForeignKey(
                name: "FK_UserMessagesAttachments_HeldMessage",
                table: "UserMessagesAttachments",
                column: "HeldMessageId",
                principalTable: "UserMessagesHeldMessages",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_UserMessagesAttachments_HeldMessage",
                table: "UserMessagesAttachments");

            migrationBuilder.DropIndex(
                name: "IX_UserMessagesAttachments_HeldMessage",
                table: "UserMessagesAttachments");

            migrationBuilder.DropColumn(
                name: "HeldMessageId",
                table: "UserMessagesAttachments");
        }
    }
}
