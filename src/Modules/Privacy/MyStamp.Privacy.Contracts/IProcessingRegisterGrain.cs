namespace MyStamp.Privacy.Contracts;

/// <summary>
/// The processing register (GDPR Art. 30), the single source of truth for what MyStamp processes, why,
/// on which legal basis, who receives it, where it goes and how long it is kept (O3, O6). The privacy
/// page, the API and every access report read it from here.
/// </summary>
[Alias("mystamp.privacy.processing-register")]
public interface IProcessingRegisterGrain : IGrainWithIntegerKey
{
    /// <summary>The register as declared in the Privacy module.</summary>
    Task<ProcessingRegister> Get();
}

/// <summary>The GDPR Art. 6 legal bases the register uses.</summary>
public enum LegalBasis
{
    /// <summary>Art. 6(1)(b): needed to conclude or perform the contract with the person.</summary>
    Contract = 0,
    /// <summary>Art. 6(1)(f): the legitimate interest of the controller; the person may object.</summary>
    LegitimateInterest = 1,
    /// <summary>Art. 6(1)(c): a legal obligation of the controller.</summary>
    LegalObligation = 2,
    /// <summary>Art. 6(1)(a): the person's consent.</summary>
    Consent = 3,
}

/// <summary>The whole register.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.register")]
public sealed record ProcessingRegister(
    [property: Id(0)] Party Controller,
    [property: Id(1)] Party DataProtectionOffice,
    [property: Id(2)] IReadOnlyList<DataCategory> DataCategories,
    [property: Id(3)] IReadOnlyList<ProcessingPurpose> Purposes,
    [property: Id(4)] IReadOnlyList<Processor> Recipients,
    [property: Id(5)] IReadOnlyList<Transfer> Transfers,
    [property: Id(6)] IReadOnlyList<RetentionRule> Retention,
    [property: Id(7)] string ProfilingAndAutomatedDecisions,
    [property: Id(8)] string ProcessorRole,
    [property: Id(9)] IReadOnlyList<string> Rights,
    [property: Id(10)] Party SupervisoryAuthority,
    [property: Id(11)] IReadOnlyList<CookieDeclaration> Cookies,
    [property: Id(12)] string GeneralPolicyUrl);

/// <summary>An organisation named in the register (the controller, its data protection office, the authority).</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.party")]
public sealed record Party(
    [property: Id(0)] string Name,
    [property: Id(1)] string Address,
    [property: Id(2)] string? Website,
    [property: Id(3)] string? Identifier);

/// <summary>A category of personal data (O1) and where it comes from.</summary>
/// <param name="Id">Stable id; for profile data the camelCase field name (<c>firstName</c>).</param>
/// <param name="OnlyFor">Set when the category applies to some accounts only (e.g. Pro accounts).</param>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.data-category")]
public sealed record DataCategory(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] bool Optional,
    [property: Id(3)] string? OnlyFor,
    [property: Id(4)] string Source);

/// <summary>Why data is processed, on which legal basis, and whether the person can object (O3).</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.purpose")]
public sealed record ProcessingPurpose(
    [property: Id(0)] string Id,
    [property: Id(1)] string Description,
    [property: Id(2)] IReadOnlyList<LegalBasis> LegalBases,
    [property: Id(3)] string LegalBasisExplanation,
    [property: Id(4)] IReadOnlyList<string> DataCategoryIds,
    [property: Id(5)] bool CanObject,
    [property: Id(6)] string PolicySection);

/// <summary>A recipient of personal data acting as processor (O6).</summary>
/// <param name="Country">Where the processor hosts or is established for this service.</param>
/// <param name="AccessFrom">Where its staff access the data from, when that differs.</param>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.processor")]
public sealed record Processor(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Service,
    [property: Id(3)] string Country,
    [property: Id(4)] string? AccessFrom,
    [property: Id(5)] bool ReceivesCustomerData);

/// <summary>A transfer of personal data outside the EEA and the safeguard it relies on (O6, GDPR Art. 44–49).</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.transfer")]
public sealed record Transfer(
    [property: Id(0)] string ProcessorId,
    [property: Id(1)] string Country,
    [property: Id(2)] bool OutsideEea,
    [property: Id(3)] string Safeguard);

/// <summary>How long a kind of data is kept (O7, O9).</summary>
/// <param name="Period">ISO 8601 duration when fixed (<c>P3Y</c>), otherwise null.</param>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.retention-rule")]
public sealed record RetentionRule(
    [property: Id(0)] string Data,
    [property: Id(1)] string? Period,
    [property: Id(2)] string Rule);

/// <summary>A cookie the site sets (O13). Only strictly necessary cookies are set without consent.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.cookie")]
public sealed record CookieDeclaration(
    [property: Id(0)] string Name,
    [property: Id(1)] string Purpose,
    [property: Id(2)] string Lifetime,
    [property: Id(3)] bool StrictlyNecessary);
