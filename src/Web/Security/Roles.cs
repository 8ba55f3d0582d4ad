namespace MyStamp.Web.Security;

/// <summary>Role and policy names used by the web edge.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Pro = "pro";

    /// <summary>Authorization policy that only the admin role passes.</summary>
    public const string AdminPolicy = "admin";
    /// <summary>Authorization policy for Pro (business) accounts.</summary>
    public const string ProPolicy = "pro";
}
