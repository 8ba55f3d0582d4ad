using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Customers.EmailIndex;
using MyStamp.Customers.Profile;

namespace MyStamp.Customers.Admins;

/// <summary>
/// Seeds the admin account at start-up from <c>MYSTAMP_ADMIN_EMAIL</c> / <c>MYSTAMP_ADMIN_PASSWORD</c>
/// (configuration keys of the same name, so environment variables work). Only the Development
/// environment has defaults, printed at start-up; elsewhere no admin exists unless both are set.
/// Runs after the silo has started (registered after it), on every node: seeding is idempotent.
/// </summary>
internal sealed partial class AdminSeeding(
    IGrainFactory grains,
    IConfiguration configuration,
    IHostEnvironment environment,
    EmailKeys emailKeys,
    ILogger<AdminSeeding> logger) : IHostedService
{
    public const string EmailSetting = "MYSTAMP_ADMIN_EMAIL";
    public const string PasswordSetting = "MYSTAMP_ADMIN_PASSWORD";
    public const string DevelopmentEmail = "admin@mystamp.local";
    public const string DevelopmentPassword = "mystamp-admin-dev";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = configuration[EmailSetting];
        var password = configuration[PasswordSetting];
        if (environment.IsDevelopment())
        {
            if (string.IsNullOrWhiteSpace(email))
            {
                email = DevelopmentEmail;
                LogDevelopmentDefault(EmailSetting, DevelopmentEmail);
            }
            if (string.IsNullOrEmpty(password))
            {
                password = DevelopmentPassword;
                LogDevelopmentDefault(PasswordSetting, DevelopmentPassword);
            }
        }
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            LogNoAdmin(EmailSetting, PasswordSetting);
            return;
        }
        if (!EmailAddressRule.IsValid(email.Trim()))
        {
            throw new InvalidOperationException($"{EmailSetting} is not a valid e-mail address.");
        }
        var passwordErrors = new FieldErrors();
        if (PasswordRule.Validate(password, passwordErrors) is null)
        {
            throw new InvalidOperationException($"{PasswordSetting} is too weak: {string.Join(" ", passwordErrors.ToDictionary()["password"])}");
        }

        var id = AdminAccountGrain.IdFor(emailKeys.For(email));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grains.GetGrain<IAdminAccountGrain>(id).Seed(email.Trim(), password);
                LogSeeded(id);
                return;
            }
            catch (DomainException)
            {
                LogAddressTaken(EmailSetting);
                return;
            }
            catch (Orleans.Storage.InconsistentStateException) when (attempt < 5)
            {
                // Another node wrote the same admin a moment ago; the next activation reads its row.
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development: {Setting} is not set, the admin account uses the default {Value}")]
    private partial void LogDevelopmentDefault(string setting, string value);

    [LoggerMessage(Level = LogLevel.Information, Message = "No admin account seeded: set {EmailSetting} and {PasswordSetting} to create one")]
    private partial void LogNoAdmin(string emailSetting, string passwordSetting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin account {AdminId} is ready")]
    private partial void LogSeeded(Guid adminId);

    [LoggerMessage(Level = LogLevel.Error, Message = "No admin account seeded: the address in {Setting} belongs to a customer account")]
    private partial void LogAddressTaken(string setting);
}
