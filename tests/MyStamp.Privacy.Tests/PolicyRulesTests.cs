using MyStamp.BuildingBlocks.Errors;
using MyStamp.Privacy.Contracts;
using MyStamp.Privacy.Policy;

namespace MyStamp.Privacy.Tests;

/// <summary>A policy version takes effect when it is published, never earlier (O11).</summary>
public class PolicyRulesTests
{
    private static readonly PolicyVersion Current = new(1, new DateOnly(2023, 7, 17), new DateTimeOffset(2023, 7, 16, 22, 0, 0, TimeSpan.Zero), "nl", "Tekst");
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 5, 4);

    [Fact]
    public void A_new_version_takes_effect_when_it_is_published_and_gets_the_next_number()
    {
        var next = PolicyRules.NextVersion(Current, new PublishPolicyVersion(new DateOnly(2026, 5, 1), "nl", " Nieuwe tekst ", Guid.NewGuid()), Now, Today);

        Assert.Equal(2, next.Version);
        Assert.Equal(Now, next.EffectiveFrom);
        Assert.Equal(new DateOnly(2026, 5, 1), next.RevisedOn);
        Assert.Equal("Nieuwe tekst", next.Text);
    }

    [Fact]
    public void A_revision_date_in_the_future_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => PolicyRules.NextVersion(Current, new PublishPolicyVersion(Today.AddDays(1), "nl", "Tekst", Guid.NewGuid()), Now, Today));

        Assert.Contains("revisedOn", error.FieldErrors.Keys);
    }

    [Fact]
    public void A_revision_date_before_the_current_one_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => PolicyRules.NextVersion(Current, new PublishPolicyVersion(new DateOnly(2023, 1, 1), "nl", "Tekst", Guid.NewGuid()), Now, Today));

        Assert.Contains("revisedOn", error.FieldErrors.Keys);
    }

    [Fact]
    public void The_seed_policy_is_the_Dutch_text_revised_on_17_July_2023()
    {
        var text = PolicyStore.SeedText();

        Assert.StartsWith("Specifiek Privacybeleid MyStamp & MyStamp Pro", text, StringComparison.Ordinal);
        Assert.Contains("Laatst herzien op 17 juli 2023", text, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2023, 7, 17), PolicyStore.SeedRevisedOn);
    }
}
