using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MyStamp.Customers.Contracts;
using MyStamp.Web.Languages;
using MyStamp.Web.Security;

namespace MyStamp.Web.Account;

/// <summary>The Account API (API.md "Account"): register, sign in and out, read and rectify the profile.</summary>
public static class AccountApi
{
    private const string SignInRefused = "The e-mail address or password is not right, or the account is locked for a while after too many attempts.";

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account").WithTags("Account");
        group.MapPost("/register", Register).RequireRateLimiting(AccountRateLimits.Register);
        group.MapPost("/login", Login).RequireRateLimiting(AccountRateLimits.SignIn);
        // Cast: a handler taking only HttpContext would otherwise bind as a RequestDelegate and drop its result.
        group.MapPost("/logout", (Delegate)Logout);
        group.MapGet("/me", GetProfile).RequireAuthorization();
        group.MapPut("/me", Rectify).RequireAuthorization();
        group.MapPut("/language", ChooseLanguage).RequireAuthorization();
        group.MapPost("/password", ChangePassword).RequireAuthorization().RequireRateLimiting(AccountRateLimits.SignIn);
        group.MapAccountMailApi();
        return app;
    }

    private static async Task<Created<RegisteredResponse>> Register(RegisterRequest request, IGrainFactory grains)
    {
        var customerId = Guid.CreateVersion7();
        // The language the customer registered in is the one their e-mails are written in, until they choose another.
        var profile = await grains.GetGrain<ICustomerGrain>(customerId).Register(request.ToCommand(ShopLanguages.Current));
        return TypedResults.Created("/api/account/me", new RegisteredResponse(profile.CustomerId));
    }

    private static async Task<Results<Ok<SignedInResponse>, ProblemHttpResult>> Login(LoginRequest request, IGrainFactory grains, HttpContext context, Microsoft.Extensions.Localization.IStringLocalizer<ShopText> text)
    {
        var account = await grains.GetGrain<IAccountsGrain>(0).SignIn(new SignInAttempt(request.Email ?? "", request.Password ?? ""));
        if (account is null)
        {
            // One answer for an unknown address, a wrong password and a locked account.
            return TypedResults.Problem(title: text[SignInRefused], statusCode: StatusCodes.Status401Unauthorized);
        }
        await AccountClaims.SignIn(context, account);
        return TypedResults.Ok(new SignedInResponse(account.AccountId, account.AccountType, AccountClaims.RolesOf(account)));
    }

    private static async Task<NoContent> Logout(HttpContext context)
    {
        await AccountClaims.SignOut(context);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> GetProfile(ClaimsPrincipal user, IGrainFactory grains)
    {
        var account = await grains.GetGrain<ICustomerGrain>(user.CallerIdOrNull()!.Value).GetAccount();
        return account is null
            ? TypedResults.Problem(title: "This account has no customer profile.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(ProfileResponse.From(account));
    }

    /// <summary>A new password signs out every other browser; this one gets a cookie of the new session version.</summary>
    private static async Task<NoContent> ChangePassword(ChangePasswordRequest request, ClaimsPrincipal user, IGrainFactory grains, HttpContext context)
    {
        var id = user.CallerIdOrNull()!.Value;
        // The grain tells every node's SessionVersions the new version before it answers.
        var version = await grains.GetGrain<ICustomerGrain>(id).ChangePassword(request.CurrentPassword ?? "", request.NewPassword ?? "");
        await AccountClaims.SignIn(context, new SignedInAccount(id, IsAdmin: false, user.IsInRole(Security.Roles.Pro) ? AccountType.Pro : AccountType.Consumer, version));
        return TypedResults.NoContent();
    }

    /// <summary>The customer's language for pages and e-mails; the browser's language cookie follows.</summary>
    private static async Task<NoContent> ChooseLanguage(LanguageRequest request, ClaimsPrincipal user, IGrainFactory grains, HttpContext context)
    {
        if (request.Language is not { } language)
        {
            throw BuildingBlocks.Errors.DomainException.Invalid("language", "Choose Dutch, French, German or English.");
        }
        await grains.GetGrain<ICustomerGrain>(user.CallerIdOrNull()!.Value).ChooseLanguage(language);
        LanguageCookie.Write(context, language);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ProfileResponse>> Rectify(ProfileRequest request, ClaimsPrincipal user, IGrainFactory grains, HttpContext context)
    {
        var id = user.CallerIdOrNull()!.Value;
        var account = await grains.GetGrain<ICustomerGrain>(id).Rectify(request.ToInput());
        var isPro = account.Profile.AccountType == AccountType.Pro;
        if (isPro != user.IsInRole(Security.Roles.Pro))
        {
            // The account type changed: the cookie's roles follow.
            await AccountClaims.SignIn(context, new SignedInAccount(id, user.IsInRole(Security.Roles.Admin), account.Profile.AccountType, user.SessionVersion()));
        }
        return TypedResults.Ok(ProfileResponse.From(account));
    }
}
