using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using MyStamp.Web.Security;
using Scalar.AspNetCore;

namespace MyStamp.Web.ApiReference;

/// <summary>
/// The HTTP API described for the scripts that use it (Pro customers' bulk orders above all): an OpenAPI 3
/// document generated from the endpoints themselves at <c>/openapi/v1.json</c> (Microsoft.AspNetCore.OpenApi),
/// and a browsable reference of it at <c>/api/docs</c> (Scalar). Only <c>/api</c> routes are described; pages,
/// hubs and the dashboard are not an API. What the endpoints cannot say on their own is added here in one
/// place: the sign-in cookie and who may call each route, the header a state-changing call needs, and the
/// problem-details answers every route may give.
/// </summary>
public static class ApiReference
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string DocsPath = "/api/docs";
    private const string CookieScheme = "cookie";

    public static IServiceCollection AddApiReference(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true
                && !description.RelativePath.StartsWith("api/docs", StringComparison.Ordinal);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "MyStamp API",
                    Version = "v1",
                    Description = """
                        Personalised postage stamps: accounts, designs, orders, Pro bulk orders and the privacy centre.
                        Sign in with `POST /api/account/login`: the answer sets the HTTP-only cookie `mystamp.auth`, which every
                        other call sends back. A call that changes something (POST, PUT) also sends `X-Requested-With: XMLHttpRequest`.
                        Errors are RFC 7807 problem details (`application/problem+json`); a validation error names each field in `errors`.
                        """,
                };
                // A group's root route ("/api/orders" + "/") is listed as API.md names it, without the trailing slash.
                foreach (var path in document.Paths.Keys.Where(p => p.Length > 1 && p.EndsWith('/')).ToList())
                {
                    var item = document.Paths[path];
                    document.Paths.Remove(path);
                    document.Paths[path.TrimEnd('/')] = item;
                }
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Cookie,
                    Name = "mystamp.auth",
                    Description = "The sign-in cookie set by POST /api/account/login (HTTP-only, SameSite=Strict).",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(DescribeAccessAndProblems);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        // Configured per request: the nonce is this response's.
        app.MapScalarApiReference(DocsPath, (options, context) =>
        {
            options.WithTitle("MyStamp API")
                .WithOpenApiRoutePattern(DocumentPath)
                // The site's Content Security Policy runs inline scripts with this response's nonce only.
                .WithNonce(SecurityHeadersMiddleware.NonceOf(context) ?? "");
            // Everything the reference needs is served by this node: no fonts from elsewhere (the CSP would refuse them),
            // and nothing of a visitor's sent to anyone (telemetry).
            options.DisableDefaultFonts().DisableTelemetry();
        }).AllowAnonymous();
        return app;
    }

    private static async Task DescribeAccessAndProblems(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var method = context.Description.HttpMethod ?? "GET";
        var path = context.Description.RelativePath ?? "";
        var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        var validation = await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), null, cancellationToken);
        operation.Responses ??= new OpenApiResponses();
        if (metadata.OfType<MultipartForm>().FirstOrDefault() is { } form)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new OpenApiMediaType { Schema = await context.GetOrCreateSchemaAsync(form.Fields, null, cancellationToken) },
                },
            };
        }

        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        if (authorize.Count > 0 && !anonymous)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] });
            var roles = authorize.Select(a => a.Policy ?? a.Roles).Where(p => !string.IsNullOrEmpty(p)).Distinct().ToList();
            var who = roles.Count == 0 ? "any signed-in account" : $"the {string.Join(", ", roles)} role";
            operation.Description = $"{operation.Description}{(string.IsNullOrEmpty(operation.Description) ? "" : "\n\n")}Needs the sign-in cookie of {who}.".Trim();
            Problem(operation, "401", "Not signed in, or the session ended.", problem);
            if (roles.Count > 0)
            {
                Problem(operation, "403", $"Signed in without {who}.", problem);
            }
        }
        if (method is "POST" or "PUT" or "DELETE" or "PATCH")
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "X-Requested-With",
                In = ParameterLocation.Header,
                Required = true,
                Description = "`XMLHttpRequest`: a cross-site form cannot send it, so the cookie alone cannot change anything (or send the antiforgery token).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("XMLHttpRequest")] },
            });
            Problem(operation, "400", "The body or a field is not valid: `errors` names each field and what to fix.", validation);
            Problem(operation, "409", "Not possible in the current state (an e-mail address taken, an order already in production, …).", problem);
        }
        if (path.Contains('{', StringComparison.Ordinal))
        {
            Problem(operation, "404", "No such thing, or not the caller's own.", problem);
        }
        if (path.StartsWith("api/account/register", StringComparison.Ordinal) || path.StartsWith("api/account/login", StringComparison.Ordinal))
        {
            Problem(operation, "429", "Too many attempts from this address: wait and try again.", problem);
        }
        Problem(operation, "503", "Briefly unavailable (the database or a node is away): nothing was done, retry after `Retry-After` seconds.", problem);
    }

    private static void Problem(OpenApiOperation operation, string status, string description, IOpenApiSchema schema)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
        };
    }
}

/// <summary>
/// For the API reference only: the endpoint reads a multipart form itself (to bound its size and check the file
/// before binding), and <paramref name="Fields"/> names the form's fields. Unlike <c>Accepts</c>, it changes
/// nothing in routing: a caller without the right to the route still hears 401 or 403 first, not 415.
/// </summary>
public sealed record MultipartForm(Type Fields);
