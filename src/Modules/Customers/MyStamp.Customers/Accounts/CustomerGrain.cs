using Microsoft.Extensions.Logging;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Retention.Contracts;
using MyStamp.Customers.Contracts;
using MyStamp.Customers.EmailIndex;
using MyStamp.Customers.Mail;
using MyStamp.Customers.Profile;
using MyStamp.Customers.Sessions;
using MyStamp.Keys.Contracts;
using MyStamp.Privacy.Contracts;

namespace MyStamp.Customers.Accounts;

/// <summary>
/// One customer: registration, profile and rectification, language, policy, objections, and what other modules tell it
/// (orders, designs). Sign-in and sessions are in <c>CustomerGrain.SignIn.cs</c>, retention in
/// <c>CustomerGrain.Retention.cs</c>, the account's mail in <c>CustomerGrain.Mail.cs</c>. Its key is a random id, never
/// personal data.
/// </summary>
internal sealed partial class CustomerGrain(
    [PersistentState("customer", GrainStorage.Name)] IPersistentState<CustomerState> customer,
    EmailKeys emailKeys,
    Passwords passwords,
    TimeProvider clock,
    IRetentionIndex retentionIndex,
    IErasureNotices erasureNotices,
    IEnumerable<IPersonalDataEraser> personalDataErasers,
    IPersonalDataProtector protector,
    AccountMails mails,
    AccountTokens tokens,
    SessionBroadcast sessions,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain, ICustomerAccountGrain
{
    // Index keys this activation is claiming right now. The index asks (interleaved) before handing an
    // address to someone else, so a registration between its claim and its write cannot lose it.
    private readonly HashSet<string> _claiming = new(StringComparer.Ordinal);

    private Guid CustomerId => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (customer.State.EmailKeysToRelease.Count > 0)
        {
            // Not awaited here: the index may be the caller that activated us, and it is busy until we answer.
            this.RegisterGrainTimer(_ => ReleaseGivenUpEmailKeys(), TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        }
        return Task.CompletedTask;
    }

    public async Task<CustomerProfile> Register(RegisterCustomer command)
    {
        if (customer.State.Profile is not null)
        {
            throw DomainException.Conflict("This account has already been registered.");
        }
        var errors = new FieldErrors();
        var valid = ProfileRules.Validate(command.Profile, Today(), errors, policyVersionRequired: true);
        RequireKnownLanguage(command.Language, errors);
        var password = PasswordRule.Validate(command.Password, errors, [command.Profile.FirstName, command.Profile.LastName, command.Profile.Email]);
        await RequirePublishedPolicy(valid?.AcceptedPolicyVersion, errors);
        errors.ThrowIfAny();
        var profile = valid!;
        var passwordHash = passwords.Hash(password!);

        var key = emailKeys.For(profile.Email);
        _claiming.Add(key);
        try
        {
            if (!await Index(key).Claim(CustomerId, AccountKind.Customer))
            {
                throw EmailTaken();
            }
            // O7: the sweep learns of the customer before the profile exists. Should the node die between this and
            // the reminder below, the customer is still erased on time; should it die before the profile is saved,
            // the sweep finds no one and closes the row, and the address can register again.
            var registeredAt = clock.GetUtcNow();
            await retentionIndex.Schedule(RetentionSubjectKind.Customer, CustomerId, RetentionPeriod.CustomerDeadline(registeredAt, lastOrderAt: null));
            customer.State.Profile = new CustomerProfile(
                CustomerId, profile.FirstName, profile.LastName, profile.Email, profile.Gender, profile.BirthDate, profile.Phone,
                profile.Address, profile.AccountType, profile.VatNumber, profile.AcceptedPolicyVersion!.Value, registeredAt, command.Language);
            customer.State.Credentials = new Credentials { PasswordHash = passwordHash };
            customer.State.EmailAwaitsVerification = true;
            await Save();
        }
        finally
        {
            _claiming.Remove(key);
        }
        // O7: a customer who never orders is erased three years after registering (the reminder; the index has it already).
        await ScheduleRetention();
        // O4/O5: every customer joins the advertising audience; each export leaves out who objected to its channel.
        await GrainFactory.GetGrain<IAdvertisingAudienceGrain>(0).Enrol(CustomerId);
        LogRegistered(CustomerId, profile.AccountType);
        await SendVerificationMail();
        return ProfileView()!;
    }

    public async Task<CustomerAccount> Rectify(ProfileInput changes)
    {
        var current = (IsBeingErased ? null : customer.State.Profile) ?? throw DomainException.NotFound("The account");
        var errors = new FieldErrors();
        var valid = ProfileRules.Validate(changes, Today(), errors, policyVersionRequired: false);
        if (valid?.AcceptedPolicyVersion < current.AcceptedPolicyVersion)
        {
            errors.Add("acceptedPolicyVersion", "You already accepted a later version of the privacy policy.");
        }
        await RequirePublishedPolicy(valid?.AcceptedPolicyVersion, errors);
        errors.ThrowIfAny();
        var profile = valid!;

        var oldKey = emailKeys.For(current.Email);
        var newKey = emailKeys.For(profile.Email);
        var moving = oldKey != newKey;
        _claiming.Add(newKey);
        try
        {
            if (moving)
            {
                if (!await Index(newKey).Claim(CustomerId, AccountKind.Customer))
                {
                    throw EmailTaken();
                }
                customer.State.EmailKeysToRelease.Add(oldKey);
                // A new address is verified again before the next order.
                customer.State.EmailAwaitsVerification = true;
            }
            customer.State.Profile = current with
            {
                FirstName = profile.FirstName,
                LastName = profile.LastName,
                Email = profile.Email,
                Gender = profile.Gender,
                BirthDate = profile.BirthDate,
                Phone = profile.Phone,
                Address = profile.Address,
                AccountType = profile.AccountType,
                VatNumber = profile.VatNumber,
                AcceptedPolicyVersion = profile.AcceptedPolicyVersion ?? current.AcceptedPolicyVersion,
            };
            // The new address and the old one's release are saved together: a crash after this line
            // still frees the old address on the next activation.
            await Save();
        }
        finally
        {
            _claiming.Remove(newKey);
        }
        if (moving)
        {
            await ReleaseGivenUpEmailKeys();
            await SendVerificationMail();
        }
        LogRectified(CustomerId);
        return new CustomerAccount(ProfileView()!, customer.State.ObjectionRecords.ToList());
    }

    // An account being erased answers like one that no longer exists.
    public Task<CustomerProfile?> GetProfile() => Task.FromResult(IsBeingErased ? null : ProfileView());

    public Task<CustomerAccount?> GetAccount() =>
        Task.FromResult(!IsBeingErased && ProfileView() is { } profile ? new CustomerAccount(profile, customer.State.ObjectionRecords.ToList()) : null);

    public async Task ChooseLanguage(CustomerLanguage language)
    {
        var current = (IsBeingErased ? null : customer.State.Profile) ?? throw DomainException.NotFound("The account");
        var errors = new FieldErrors();
        RequireKnownLanguage(language, errors);
        errors.ThrowIfAny();
        if (current.Language != language)
        {
            customer.State.Profile = current with { Language = language };
            await Save();
        }
    }

    private static void RequireKnownLanguage(CustomerLanguage language, FieldErrors errors)
    {
        if (!Enum.IsDefined(language))
        {
            errors.Add("language", "Choose Dutch, French, German or English.");
        }
    }

    public async Task AcceptPolicy(int version)
    {
        var current = (IsBeingErased ? null : customer.State.Profile) ?? throw DomainException.NotFound("The account");
        var errors = new FieldErrors();
        if (version is < 1 or > ProfileRules.HighestPolicyVersion)
        {
            errors.Add("acceptedPolicyVersion", ProfileRules.NotAPolicyVersion);
        }
        else
        {
            await RequirePublishedPolicy(version, errors);
        }
        errors.ThrowIfAny();
        if (version > current.AcceptedPolicyVersion)
        {
            customer.State.Profile = current with { AcceptedPolicyVersion = version };
            await Save();
        }
    }

    /// <summary>
    /// O11: a customer can only have accepted a version the Privacy module has published (the form shows
    /// the current one; an older one stays acceptable, since the visitor may have read it before a new one came).
    /// </summary>
    private async Task RequirePublishedPolicy(int? version, FieldErrors errors)
    {
        if (version is { } accepted && await GrainFactory.GetGrain<IPrivacyPolicyGrain>(0).GetVersion(accepted) is null)
        {
            errors.Add("acceptedPolicyVersion", ProfileRules.NotAPolicyVersion);
        }
    }

    public async Task<DateTimeOffset> RecordOrdersPlaced(IReadOnlyList<Guid> orderIds, DateTimeOffset placedAt)
    {
        if (customer.State.Profile is null || IsBeingErased)
        {
            throw DomainException.Forbidden("Only a registered customer can place an order.");
        }
        var known = customer.State.OrderIds.ToHashSet();
        var newOrders = orderIds.Where(known.Add).ToList();
        var later = customer.State.LastOrderAt is null || placedAt > customer.State.LastOrderAt;
        if (newOrders.Count == 0 && !later)
        {
            // Already known: rewriting a state that grows with every order would make a bulk order quadratic.
            return RetentionDeadline();
        }
        customer.State.OrderIds.InsertRange(0, newOrders);
        if (later)
        {
            customer.State.LastOrderAt = placedAt;
        }
        // O7: each order moves the deadline to three years after it. The reminder moves only when it would come too late
        // (it re-checks the deadline when it fires), so usually only the index row is written, at once with the state.
        await Task.WhenAll(ScheduleRetention(), Save());
        return RetentionDeadline();
    }

    public async Task RecordDesignUploaded(Guid designId)
    {
        if (!customer.State.DesignIds.Contains(designId))
        {
            customer.State.DesignIds.Insert(0, designId);
            await Save();
        }
    }

    public Task<IReadOnlyList<Guid>> GetOrderIds() => Task.FromResult<IReadOnlyList<Guid>>(customer.State.OrderIds.ToList());

    public Task<IReadOnlyList<Guid>> GetDesignIds() => Task.FromResult<IReadOnlyList<Guid>>(customer.State.DesignIds.ToList());

    public Task<IReadOnlySet<AdvertisingChannel>> GetObjections() => Task.FromResult<IReadOnlySet<AdvertisingChannel>>(customer.State.Objections.ToHashSet());

    public Task<IReadOnlyList<ObjectionRecord>> GetObjectionRecords() => Task.FromResult<IReadOnlyList<ObjectionRecord>>(customer.State.ObjectionRecords.ToList());

    public async Task ObjectTo(IReadOnlyList<AdvertisingChannel> channels, ObjectionSource source)
    {
        var now = clock.GetUtcNow();
        var added = false;
        foreach (var channel in channels.Distinct())
        {
            if (!Enum.IsDefined(channel))
            {
                throw DomainException.Invalid("channel", "Unknown advertising channel.");
            }
            // O4: an objection is absolute; the first record of a channel stays, later ones change nothing.
            if (customer.State.Objections.Add(channel))
            {
                customer.State.ObjectionRecords.Add(new ObjectionRecord(channel, now, source));
                added = true;
            }
        }
        if (added)
        {
            await Save();
        }
    }

    private async Task ReleaseGivenUpEmailKeys()
    {
        foreach (var key in customer.State.EmailKeysToRelease.ToList())
        {
            await Index(key).Release(CustomerId);
            customer.State.EmailKeysToRelease.Remove(key);
        }
        await Save();
    }

    /// <summary>Writes the state; if the write fails the activation is dropped so the next call reads what PostgreSQL holds.</summary>
    private async Task Save()
    {
        try
        {
            await customer.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private IEmailIndexGrain Index(string key) => GrainFactory.GetGrain<IEmailIndexGrain>(key);

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static DomainException EmailTaken() => new(
        DomainErrorKind.Conflict,
        "An account with this e-mail address already exists.",
        new Dictionary<string, string[]> { ["email"] = ["An account with this e-mail address already exists. Sign in instead."] });

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerId} registered a {AccountType} account")]
    private partial void LogRegistered(Guid customerId, AccountType accountType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerId} rectified their profile")]
    private partial void LogRectified(Guid customerId);
}
