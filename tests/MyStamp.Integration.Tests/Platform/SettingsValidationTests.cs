using Microsoft.Extensions.Options;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Platform;

/// <summary>
/// Every module binds its settings the same way (bound, checked against their declared ranges, at start-up): an
/// operator's typo stops the node before it serves anyone, with a message that names the setting, instead of a
/// node that misbehaves later.
/// </summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Security:LookupKeySecret", "too-short", "LookupKeySecret")]
    [InlineData("Imaging:MaxConcurrentJobs", "0", "MaxConcurrentJobs")]
    [InlineData("Studio:MaxUploadMegabytes", "0", "MaxUploadMegabytes")]
    [InlineData("Orders:Production:BatchSize", "0", "BatchSize")]
    public void A_node_with_a_setting_out_of_range_does_not_start_and_names_the_setting(string key, string value, string named)
    {
        using var node = new MyStampNode(settings: new Dictionary<string, string?> { [key] = value });

        var failure = Assert.ThrowsAny<Exception>(() => node.Start());

        var validation = Inner(failure).OfType<OptionsValidationException>().FirstOrDefault();
        Assert.NotNull(validation);
        Assert.Contains(named, validation.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Inner(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Inner))
                {
                    yield return inner;
                }
            }
        }
    }
}
