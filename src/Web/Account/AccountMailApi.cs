using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MyStamp.Customers.Contracts;

using MyStamp.Web.Security;

namespace MyStamp.Web.Account;

/// <summary>
/// The mailed links of an account (API.md "Account"): verifying the e-mail address, and a forgotten password. A link
/// carries a random token only; the token is single-use and expires (48 hours for verification, one hour for a reset).
/// </summary>
public static class AccountMailApi
{
    /// <summary>The one answer to "forgot password", whether the address has an account or not.</summary>
    public const string ResetRequested = "If an account uses this address, we have just mailed it a link to choose a new password. The link works for one hour.";

    public const string VerificationLinkInvalid = "This link is not valid any more: it was used already, it expired, or the address changed since. Sign in and have a new one sent from your profile.";

    public static RouteGroupBuilder MapAccountMailApi(this RouteGroupBuilder group)
    {
        group.MapPost("/verify-email", VerifyEmail).RequireRateLimiting(AccountRateLimits.PasswordReset);
        group.MapPost("/verify-email/resend", ResendVerification).RequireAuthorization().RequireRateLimiting(AccountRateLimits.PasswordReset);
        group.MapPost("/password/forgot", ForgotPassword).RequireRateLimiting(AccountRateLimits.PasswordReset);
        group.MapPost("/password/reset", ResetPassword).RequireRateLimiting(AccountRateLimits.PasswordReset);
        return group;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> VerifyEmail(TokenRequest request, IGrainFactory grains) =>
        await grains.GetGrain<IAccountsGrain>(0).VerifyEmail(request.Token ?? "")
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: VerificationLinkInvalid, statusCode: StatusCodes.Status400BadRequest);

    private static async Task<Accepted> ResendVerification(ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<ICustomerGrain>(user.CallerIdOrNull()!.Value).ResendEmailVerification();
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>Always 202 with the same words: the work happens after the answer (a one-way call), so its time tells nothing either.</summary>
    private static async Task<Accepted<MessageResponse>> ForgotPassword(ForgotPasswordRequest request, IGrainFactory grains)
    {
        await grains.GetGrain<IAccountsGrain>(0).RequestPasswordReset(request.Email ?? "");
        return TypedResults.Accepted((string?)null, new MessageResponse(ResetRequested));
    }

    /// <summary>204 and this browser signed in with the new password; every other session of the account ends.</summary>
    private static async Task<NoContent> ResetPassword(ResetPasswordRequest request, IGrainFactory grains, HttpContext context)
    {
        var account = await grains.GetGrain<IAccountsGrain>(0).ResetPassword(request.Token ?? "", request.NewPassword ?? "");
        await AccountClaims.SignIn(context, account);
        return TypedResults.NoContent();
    }
}

/// <summary>Body of POST /api/account/verify-email: the token of the mailed link.</summary>
public sealed record TokenRequest(string? Token)
{
    public override string ToString() => "TokenRequest { redacted }";
}

/// <summary>Body of POST /api/account/password/forgot.</summary>
public sealed record ForgotPasswordRequest(string? Email)
{
    public override string ToString() => "ForgotPasswordRequest { redacted }";
}

/// <summary>Body of POST /api/account/password/reset: the token of the mailed link and the new password.</summary>
public sealed record ResetPasswordRequest(string? Token, string? NewPassword)
{
    public override string ToString() => "ResetPasswordRequest { redacted }";
}

/// <summary>An answer that only says something to a person.</summary>
public sealed record MessageResponse(string Message);
