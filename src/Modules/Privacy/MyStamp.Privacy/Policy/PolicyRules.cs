using MyStamp.BuildingBlocks.Errors;
using MyStamp.Privacy.Contracts;

namespace MyStamp.Privacy.Policy;

/// <summary>Rules for publishing a policy version (O11): effective when published, never back-dated.</summary>
internal static class PolicyRules
{
    public const int MaxTextLength = 200_000;
    private static readonly string[] Languages = ["nl", "fr", "de", "en"];

    /// <summary>The version to publish, effective <paramref name="now"/>; throws when a rule is broken.</summary>
    public static PolicyVersion NextVersion(PolicyVersion? current, PublishPolicyVersion command, DateTimeOffset now, DateOnly today)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(command.Text))
        {
            errors.Add("text", "Give the text of the policy.");
        }
        else if (command.Text.Length > MaxTextLength)
        {
            errors.Add("text", $"The text may be at most {MaxTextLength} characters.");
        }
        if (!Languages.Contains(command.Language))
        {
            errors.Add("language", "Use one of: " + string.Join(", ", Languages) + ".");
        }
        if (command.RevisedOn > today)
        {
            errors.Add("revisedOn", "The revision date cannot lie in the future: a version takes effect when it is published.");
        }
        if (current is not null && command.RevisedOn < current.RevisedOn)
        {
            errors.Add("revisedOn", "The revision date cannot be earlier than that of the current version.");
        }
        errors.ThrowIfAny();
        var effectiveFrom = current is not null && now <= current.EffectiveFrom ? current.EffectiveFrom.AddTicks(1) : now;
        return new PolicyVersion((current?.Version ?? 0) + 1, command.RevisedOn, effectiveFrom, command.Language, command.Text.Trim());
    }
}
