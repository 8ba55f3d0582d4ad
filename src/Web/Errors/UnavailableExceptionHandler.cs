using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MyStamp.Web.Languages;
using Npgsql;
using Orleans.Runtime;
using Orleans.Serialization;

namespace MyStamp.Web.Errors;

/// <summary>
/// A request that failed because a part the node depends on is briefly away (PostgreSQL stopped or
/// restarting, a silo that died mid-call, a grain call that timed out) answers 503 problem details with a
/// <c>Retry-After</c> header, never a 500: the client may simply try again, and nothing was acknowledged.
/// A PostgreSQL error that is not transient (a constraint, a syntax error) stays a 500: that is a bug.
/// </summary>
internal sealed partial class UnavailableExceptionHandler(IProblemDetailsService problemDetails, IStringLocalizer<ShopText> text, ILogger<UnavailableExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait: about the time a PostgreSQL restart or a silo's death declaration takes.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }
        // The type only: messages of storage errors may quote the statement's values.
        LogUnavailable(httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = text["The service is briefly unavailable. Nothing was changed; please try again in a few seconds."],
        };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    /// <summary>True when the exception, or one it wraps, says a dependency is away rather than that the code is wrong.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        var seen = 0;
        while (pending.Count > 0 && seen++ < 32)
        {
            var current = pending.Pop();
            switch (current)
            {
                case PostgresException postgres:
                    // 08 connection, 53 resources, 57P0x shutting down or starting, 40001/40P01 retryable conflicts.
                    if (postgres.IsTransient)
                    {
                        return true;
                    }
                    break;
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException:
                case SocketException:
                case TimeoutException:
                case SiloUnavailableException:
                case OrleansMessageRejectionException:
                    return true;
                case UnavailableExceptionFallbackException fallback when IsUnavailableTypeName(fallback.ExceptionType):
                    return true;
                // Orleans has no codec for Npgsql's exceptions: a storage failure in a grain on another silo reaches
                // the edge as "Could not find a codec for type Npgsql.PostgresException". Only the type's name is
                // left, so a non-transient PostgreSQL error from another silo answers 503 too (it is logged).
                case CodecNotFoundException codec when codec.Message.Contains("Npgsql.", StringComparison.Ordinal):
                    return true;
            }
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
        return false;
    }

    // An exception that crossed a silo boundary and could not be rebuilt keeps only its type's name.
    private static bool IsUnavailableTypeName(string? typeName) =>
        typeName is not null && (typeName.Contains("Npgsql", StringComparison.Ordinal) || typeName.Contains("SocketException", StringComparison.Ordinal)
            || typeName.Contains("TimeoutException", StringComparison.Ordinal));

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: a dependency is unavailable ({ExceptionType}).")]
    private partial void LogUnavailable(string method, PathString path, string exceptionType);
}
