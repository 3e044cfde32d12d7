using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace UserMessages.Sample.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchByStoredWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserMessagesMessages_Content_FullText",
                table: "UserMessagesMessages");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "UserMessagesMessages",
                type: "tsvector",
                nullable: true)
                .Annotation("Npgsql:TsVectorConfig", "simple")
                .Annotation("Npgsql:TsVectorProperties", new[] { "Content" });

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesParticipants_Latest",
                table: "UserMessagesParticipants",
                columns: new[] { "UserId", "LatestMessageAt", "ThreadId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesMessages_Content_FullText",
                table: "UserMessagesMessages",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserMessagesParticipants_Latest",
                table: "UserMessagesParticipants");

            migrationBuilder.DropIndex(
                name: "IX_UserMessagesMessages_Content_FullText",
                table: "UserMessagesMessages");

            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "UserMessagesMessages");

            migrationBuilder.CreateIndex(
                name: "IX_UserMessagesMessages_Content_FullText",
                table: "UserMessagesMessages",
                column: "Content")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:TsVectorConfig", "simple");
        }
    }
}
