using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MyStamp.Integration.Tests.Retention;

/// <summary>A minimal SMTP server on loopback that keeps every message it receives: enough for MailKit to deliver to.</summary>
public sealed class SmtpStub : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    /// <param name="port">A port of the caller's choosing (a server that comes up where a node already mails to); any free one by default.</param>
    public SmtpStub(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _serving = Serve();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public List<string> Messages { get; } = [];

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = Converse(client);
        }
    }

    private async Task Converse(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 stub ESMTP");
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-stub");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 go ahead");
                        var message = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } data && data != ".")
                        {
                            message.AppendLine(data);
                        }
                        lock (Messages)
                        {
                            Messages.Add(message.ToString());
                        }
                        await writer.WriteLineAsync("250 queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
    }
}
