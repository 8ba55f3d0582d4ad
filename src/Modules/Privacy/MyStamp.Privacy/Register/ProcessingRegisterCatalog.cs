using MyStamp.Privacy.Contracts;

namespace MyStamp.Privacy.Register;

/// <summary>
/// The processing register as data: the one place that says what MyStamp processes, why, on which legal
/// basis, who receives it, where it goes and how long it is kept (O3, O6, O7, O9, O13). Taken from the
/// specific privacy policy (revised 17 July 2023); its section numbers are given with each entry.
/// Adding a processor is one entry in <see cref="Processors"/> (plus its transfer when outside the EEA).
/// </summary>
internal static class ProcessingRegisterCatalog
{
    /// <summary>Where the general policy is published: the specific policy (§ 1) names www.bpost.be.</summary>
    public const string GeneralPolicyUrl = "https://www.bpost.be";

    private const string FromYou = "Given by you on the MyStamp website (registration and profile)";

    public static readonly Party Controller = new(
        "bpost NV van publiek recht",
        "Multitower, Anspachlaan 1, bus 1, 1000 Brussel, België",
        "https://www.bpost.be/nl",
        "BTW BE 0214.596.464");

    public static readonly Party DataProtectionOffice = new(
        "bpost, T.a.v. Data Protection Office",
        "Multitower, Anspachlaan 1, bus 1, 1000 Brussel, België",
        null,
        null);

    /// <summary>The Belgian supervisory authority, to which every requester may complain.</summary>
    public static readonly Party SupervisoryAuthority = new(
        "Gegevensbeschermingsautoriteit (Data Protection Authority)",
        "Drukpersstraat 35, 1000 Brussel, België",
        "https://www.gegevensbeschermingsautoriteit.be",
        null);

    /// <summary>Exactly the categories of policy § 3 (O1), with the field ids the Customers module uses.</summary>
    public static readonly IReadOnlyList<DataCategory> DataCategories =
    [
        new("firstName", "First name", false, null, FromYou),
        new("lastName", "Last name", false, null, FromYou),
        new("address", "Address", false, null, FromYou),
        new("email", "E-mail address", false, null, FromYou),
        new("birthDate", "Birth date", true, null, FromYou),
        new("gender", "Gender", false, null, FromYou),
        new("phone", "Phone number", true, null, FromYou),
        new("vatNumber", "VAT or enterprise number", false, "MyStamp Pro accounts", FromYou),
        new("material", "Photos, drawings and names on the material you upload (we process them for you, § 2)", false, null, "Uploaded by you in the stamp studio"),
        new("requestDetails", "Contact details and a redacted identity document sent with a data-subject request", false, "People who send a request (§ 9)", "Sent by you with your request"),
    ];

    private static readonly string[] CustomerData = ["firstName", "lastName", "address", "email", "birthDate", "gender", "phone", "vatNumber"];

    /// <summary>The purposes and legal bases of the table in policy § 3, plus answering requests (§ 9).</summary>
    public static readonly IReadOnlyList<ProcessingPurpose> Purposes =
    [
        new("service",
            "Deliver the MyStamp and MyStamp Pro services, ship the stamps, manage the contract with customers and contact them when there is a problem.",
            [LegalBasis.Contract, LegalBasis.LegitimateInterest],
            "Necessary to conclude or perform the contract. Where a question or contact is not linked to a contract or not strictly necessary for it: the legitimate interest of bpost in good relations with its customers and third parties.",
            [.. CustomerData, "material"], false, "§ 3"),
        new("support",
            "Handle your questions, messages and requests, quotes and quote requests, support and incidents concerning bpost products and services, and general customer management.",
            [LegalBasis.Contract, LegalBasis.LegitimateInterest],
            "Necessary to conclude or perform the contract; otherwise the legitimate interest of bpost in good relations with its customers and third parties.",
            CustomerData, false, "§ 3"),
        new("surveys",
            "Improve the MyStamp website, for instance through satisfaction surveys and market research.",
            [LegalBasis.LegitimateInterest],
            "The legitimate interest of bpost in continuously improving its websites, applications, products and services. You can object to survey invitations.",
            ["firstName", "lastName", "email"], true, "§ 3"),
        new("advertising",
            "Send non-personalised advertising about similar bpost products and services by post, e-mail, phone, advertising platforms (such as Google, Facebook, Twitter, LinkedIn and Instagram) or on the MyStamp website. Every recipient gets the same content.",
            [LegalBasis.LegitimateInterest],
            "The legitimate interest of bpost in promoting its products and services. You can object at any time, per channel or for all channels, online or by a signed and dated letter with proof of identity to the Data Protection Office; the objection takes effect at once.",
            ["firstName", "lastName", "address", "email", "phone"], true, "§ 3"),
        new("requests",
            "Answer requests to exercise your rights, including checking the identity of the requester.",
            [LegalBasis.LegalObligation],
            "GDPR Articles 12 to 22 oblige the controller to answer such requests and allow it to verify the identity of the requester.",
            ["requestDetails"], false, "§ 8, § 9"),
    ];

    /// <summary>The processors of policy § 5. "die toegang hebben tot gegevens vanuit India" is plural: both ICT providers.</summary>
    public static readonly IReadOnlyList<Processor> Processors =
    [
        new("aws", "Amazon Web Services", "Hosting (servers in Ireland)", "Ireland", null, true),
        new("infosys", "Infosys", "Server management", "India", "India", true),
        new("tcs", "Tata Consultancy Services (TCS)", "Application management and maintenance", "India", "India", true),
    ];

    private const string IndiaSafeguard =
        "India has no EU adequacy decision. bpost has taken the measures needed to ensure an appropriate level of protection (GDPR Art. 46), as described in the general privacy policy.";

    /// <summary>Transfers outside the EEA (policy § 6).</summary>
    public static readonly IReadOnlyList<Transfer> Transfers =
    [
        new("infosys", "India", true, IndiaSafeguard),
        new("tcs", "India", true, IndiaSafeguard),
    ];

    /// <summary>Retention (policy § 7 for customer data and photos, § 9 and O9 for identity documents).</summary>
    public static readonly IReadOnlyList<RetentionRule> Retention =
    [
        new("Your personal data, the data of people on the material you upload, and the photos", "P3Y",
            "Erased three years after your last order; every new order moves the date."),
        new("The redacted identity document sent with a request", null,
            "Deleted as soon as the identity check is decided."),
    ];

    public const string ProfilingStatement =
        "bpost does not use the data you give through the MyStamp website for profiling, nor to send or show you personalised advertising. " +
        "bpost takes no automated decision within the meaning of GDPR Article 22 (one with legal or similarly significant effects for you) in the MyStamp and MyStamp Pro services.";

    public const string ProcessorRole =
        "For the people who appear on the material you upload (a photo, a picture, a drawing, a name or another sign), you are the controller and bpost processes their data on your behalf as processor (§ 2). Before ordering you confirm this.";

    public static readonly IReadOnlyList<string> Rights =
    [
        "Access to your data and to the information in this register (GDPR Art. 15)",
        "Rectification of inaccurate data (Art. 16)",
        "Erasure (Art. 17)",
        "Restriction of processing (Art. 18)",
        "Data portability: your data in a machine-readable file (Art. 20)",
        "Objection to processing based on legitimate interest, and at any time to advertising (Art. 21)",
        "Lodging a complaint with the Data Protection Authority (Art. 77)",
    ];

    /// <summary>Every cookie the site sets (O13). All strictly necessary: none needs consent.</summary>
    public static readonly IReadOnlyList<CookieDeclaration> Cookies =
    [
        new("mystamp.auth", "Keeps you signed in after you sign in (HTTP-only).", "8 hours, renewed while you use the site; removed when you sign out", true),
        new("mystamp.antiforgery", "Protects forms against cross-site request forgery.", "Until you close the browser", true),
        new("mystamp.language", "Remembers the language you chose with the language switcher (Nederlands, Français, Deutsch, English).", "1 year", true),
        new("mystamp.cookie-notice", "Remembers that you closed the cookie notice, so that it is not shown on every page.", "6 months", true),
        new(".AspNetCore.Mvc.CookieTempDataProvider", "Carries a one-time message (such as \"saved\") to the next page after you send a form.", "Until you close the browser", true),
    ];

    public static readonly ProcessingRegister Register = new(
        Controller, DataProtectionOffice, DataCategories, Purposes, Processors, Transfers, Retention,
        ProfilingStatement, ProcessorRole, Rights, SupervisoryAuthority, Cookies, GeneralPolicyUrl);
}
