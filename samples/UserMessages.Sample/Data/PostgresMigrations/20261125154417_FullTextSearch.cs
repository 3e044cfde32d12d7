using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UserMessages.Sample.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesThreads_Subject_FullText",
                table: "UserMessagesThreads",
                column: "Subject")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:TsVectorConfig", "simple");

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesMessages_Content_FullText",
                table: "UserMessagesMessages",
                column: "Content")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:TsVectorConfig", "simple");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserMessagesThreads_Subject_FullText",
                table: "UserMessagesThreads");

            migrationBuilder.DropIndex(
                name: "IX_UserMessagesMessages_Content_FullText",
                table: "UserMessagesMessages");
        }
    }
}
