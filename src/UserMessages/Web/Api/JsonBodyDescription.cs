using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace UserMessages.Web.Api;

/// <summary>
/// Describes the JSON (or files) body an API endpoint reads by hand (for its own size, antiforgery and field checks),
/// for OpenAPI and other API explorers, without the content-type routing that <c>Accepts&lt;T&gt;()</c> brings
/// (which would answer a wrong content type with an empty 415 rather than the API's problem).
/// </summary>
internal static class JsonBodyDescription
{
    public static RouteHandlerBuilder ReadsJson<T>(this RouteHandlerBuilder endpoint)
        => endpoint.WithMetadata(new Body(typeof(T), "application/json", BindingSource.Body, "body"));

    /// <summary>Describes a body of files, <c>multipart/form-data</c>, read by hand as the JSON bodies are.</summary>
    public static RouteHandlerBuilder ReadsFiles(this RouteHandlerBuilder endpoint)
        => endpoint.WithMetadata(new Body(typeof(Microsoft.AspNetCore.Http.IFormFileCollection), "multipart/form-data", BindingSource.FormFile, "files"));

    private sealed record Body(Type Type, string MediaType, BindingSource Source, string Name);

    /// <summary>Adds the body to the descriptions of the endpoints marked with <see cref="ReadsJson{T}"/>.</summary>
    internal sealed class Provider(IModelMetadataProvider metadata) : IApiDescriptionProvider
    {
        /// <summary>After the endpoints' own descriptions (theirs have order -1100).</summary>
        public int Order => -1000;

        public void OnProvidersExecuting(ApiDescriptionProviderContext context)
        {
            foreach (var description in context.Results)
            {
                if (description.ActionDescriptor.EndpointMetadata?.OfType<Body>().FirstOrDefault() is { } body
                    && !description.ParameterDescriptions.Any(p => p.Source == body.Source))
                {
                    description.ParameterDescriptions.Add(new ApiParameterDescription
                    {
                        Name = body.Name,
                        Source = body.Source,
                        Type = body.Type,
                        ModelMetadata = metadata.GetMetadataForType(body.Type),
                        IsRequired = true,
                        ParameterDescriptor = new Microsoft.AspNetCore.Mvc.Abstractions.ParameterDescriptor { Name = body.Name, ParameterType = body.Type },
                    });
                    description.SupportedRequestFormats.Add(new ApiRequestFormat { MediaType = body.MediaType });
                }
            }
        }

        public void OnProvidersExecuted(ApiDescriptionProviderContext context)
        {
        }
    }
}
