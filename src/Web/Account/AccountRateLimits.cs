using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MyStamp.Web.Account;

/// <summary>
/// How many registrations, sign-ins and data-subject requests one client address may make per window. Bound from
/// "Accounts:RateLimits".
/// </summary>
public sealed class AccountRateLimitOptions
{
    public const string Section = "Accounts:RateLimits";

    public int RegisterPermits { get; set; } = 100;
    public TimeSpan RegisterWindow { get; set; } = TimeSpan.FromMinutes(15);
    public int SignInPermits { get; set; } = 30;
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Data-subject requests (API and form), which anyone may file without an account, each with an identity document to decode.</summary>
    public int DataSubjectRequestPermits { get; set; } = 10;
    public TimeSpan DataSubjectRequestWindow { get; set; } = TimeSpan.FromHours(1);
    /// <summary>The mailed-link forms (forgot password, reset, verification and its resending): each may send a mail.</summary>
    public int PasswordResetPermits { get; set; } = 10;
    public TimeSpan PasswordResetWindow { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// ASP.NET Core's rate limiter on registration, sign-in and data-subject requests (API and pages), per client address, fixed
/// windows. It complements the per-account lock-out: the lock-out stops guessing one password, the
/// limit stops trying many accounts or creating many. Page GETs are not limited.
/// </summary>
public static class AccountRateLimits
{
    public const string Register = "accounts-register";
    public const string SignIn = "accounts-sign-in";
    public const string DataSubjectRequest = "privacy-requests";
    public const string PasswordReset = "accounts-mailed-links";

    public static IServiceCollection AddAccountRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountRateLimitOptions>()
            .Bind(configuration.GetSection(AccountRateLimitOptions.Section))
            .Validate(o => o.RegisterPermits > 0 && o.SignInPermits > 0 && o.DataSubjectRequestPermits > 0 && o.PasswordResetPermits > 0
                    && o.RegisterWindow > TimeSpan.Zero && o.SignInWindow > TimeSpan.Zero && o.DataSubjectRequestWindow > TimeSpan.Zero
                    && o.PasswordResetWindow > TimeSpan.Zero,
                "Accounts:RateLimits needs positive permits and windows.")
            .ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteProblem;
            options.AddPolicy(Register, context => Partition(context, Register, o => (o.RegisterPermits, o.RegisterWindow)));
            options.AddPolicy(SignIn, context => Partition(context, SignIn, o => (o.SignInPermits, o.SignInWindow)));
            options.AddPolicy(DataSubjectRequest, context => Partition(context, DataSubjectRequest, o => (o.DataSubjectRequestPermits, o.DataSubjectRequestWindow)));
            options.AddPolicy(PasswordReset, context => Partition(context, PasswordReset, o => (o.PasswordResetPermits, o.PasswordResetWindow)));
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string policy, Func<AccountRateLimitOptions, (int Permits, TimeSpan Window)> pick)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter($"{policy}:read");
        }
        var (permits, window) = pick(context.RequestServices.GetRequiredService<IOptions<AccountRateLimitOptions>>().Value);
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{policy}:{client}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
    }

    private static async ValueTask WriteProblem(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many attempts from your address. Wait a little and try again.",
            },
        });
    }
}
