using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UserMessages.Sample.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddConversationAbout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "About",
                table: "UserMessagesThreads",
                type: "TEXT",
                maxLength: 161,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "About",
                table: "UserMessagesHeldMessages",
                type: "TEXT",
                maxLength: 161,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "About",
                table: "UserMessagesThreads");

            migrationBuilder.DropColumn(
                name: "About",
                table: "UserMessagesHeldMessages");
        }
    }
}
