using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using MyStamp.Integration.Tests.Retention;

namespace MyStamp.Integration.Tests.Mail;

/// <summary>
/// A mail the server does not take stays in the outbox (sealed) and is tried again after a back-off on the node's
/// clock, then delivered and deleted: nothing is lost while the mail server is away.
/// </summary>
public sealed class MailRetryTests
{
    [Fact]
    public async Task A_mail_waits_while_the_server_is_away_and_is_delivered_after_the_back_off()
    {
        var port = FreePort();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // A database of its own: this node's fake clock and its mail server are nobody else's.
        await using var node = await MyStampNode.StartAlone("mail-retry", clock, new Dictionary<string, string?>
        {
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = port.ToString(),
            ["Mail:PollInterval"] = "00:00:01",
        });
        var account = await node.RegisterUnverified(Accounts.ConsumerRegistration());

        await Eventually(async () => await Attempts(node) >= 1, "the first attempt fails and is recorded");
        Assert.Equal(1L, await Queued(node));

        await using var smtp = new SmtpStub(port);
        // The server is back, but the back-off (30 s on the node's clock) has not passed: nothing is sent yet.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Empty(smtp.Messages);

        clock.Advance(TimeSpan.FromSeconds(31));
        await Eventually(() => Task.FromResult(smtp.Messages.Count == 1), "the mail is delivered after the back-off");
        Assert.Contains(account.Email, smtp.Messages.Single(), StringComparison.OrdinalIgnoreCase);
        await Eventually(async () => await Queued(node) == 0, "the delivered mail leaves the outbox");
    }

    private static async Task<int> Attempts(MyStampNode node) => (int)await Scalar(node, "SELECT coalesce(max(attempts), 0) FROM mail_outbox");

    private static async Task<long> Queued(MyStampNode node) => (long)await Scalar(node, "SELECT count(*) FROM mail_outbox");

    private static async Task<object> Scalar(MyStampNode node, string sql)
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(node.ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (await command.ExecuteScalarAsync())!;
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Timed out: {what}");
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
