namespace MyStamp.Privacy.Contracts;

/// <summary>
/// The published versions of the specific privacy policy (O11, O12). A version takes effect when it is
/// published, never earlier; past versions stay readable. Version 1 is the policy revised on 17 July 2023.
/// </summary>
[Alias("mystamp.privacy.policy")]
public interface IPrivacyPolicyGrain : IGrainWithIntegerKey
{
    /// <summary>The version in force now.</summary>
    Task<PolicyVersion> GetCurrent();

    /// <summary>Every published version, newest first.</summary>
    Task<IReadOnlyList<PolicyVersion>> GetVersions();

    /// <summary>One version, or null when no such version was published.</summary>
    Task<PolicyVersion?> GetVersion(int version);

    /// <summary>
    /// Publishes a new version, effective at once (never back-dated). The revision date may not lie in
    /// the future nor before the previous revision.
    /// </summary>
    Task<PolicyVersion> Publish(PublishPolicyVersion command);
}

/// <summary>One published version of the policy.</summary>
/// <param name="RevisedOn">The "last revised on" date shown at the top of the policy.</param>
/// <param name="EffectiveFrom">When it was published, and so took effect.</param>
/// <param name="Language">Language of <paramref name="Text"/> (the policy is written in Dutch: <c>nl</c>).</param>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.policy-version")]
public sealed record PolicyVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] DateOnly RevisedOn,
    [property: Id(2)] DateTimeOffset EffectiveFrom,
    [property: Id(3)] string Language,
    [property: Id(4)] string Text);

/// <summary>An admin publishes a new version.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.publish-policy-version")]
public sealed record PublishPolicyVersion(
    [property: Id(0)] DateOnly RevisedOn,
    [property: Id(1)] string Language,
    [property: Id(2)] string Text,
    [property: Id(3)] Guid PublishedBy);
