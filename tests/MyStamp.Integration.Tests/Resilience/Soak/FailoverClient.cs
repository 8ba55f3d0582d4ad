using System.Net;
using System.Net.Sockets;

namespace MyStamp.Integration.Tests.Resilience.Soak;

/// <summary>
/// What a load balancer in front of the nodes does for the test's clients: a request goes to the preferred
/// node, and to the next one when the preferred one refuses the connection (it is dead). A request that
/// already reached a node is never sent twice, so no order is placed twice behind the caller's back.
/// Cookies are kept per host, not per port, so one sign-in serves every node (they share their keys).
/// </summary>
public sealed class FailoverHandler(IReadOnlyList<Func<Uri>> nodes, CookieContainer cookies) : HttpMessageHandler
{
    private readonly HttpMessageInvoker _inner = new(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpRequestException? refused = null;
        foreach (var node in nodes)
        {
            var target = node();
            request.RequestUri = new Uri(target, request.RequestUri!.PathAndQuery);
            try
            {
                return await _inner.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException exception) when (exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                refused = exception;
            }
        }
        throw refused ?? new HttpRequestException("No node to send to.");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>A client of the cluster: its own cookies, preferring one node and failing over to the others.</summary>
public sealed class ClusterClient : IDisposable
{
    public ClusterClient(IReadOnlyList<Func<Uri>> nodes)
    {
        Handler = new FailoverHandler(nodes, Cookies);
        Http = new HttpClient(Handler, disposeHandler: false) { BaseAddress = nodes[0](), Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
    }

    public CookieContainer Cookies { get; } = new();
    public FailoverHandler Handler { get; }
    public HttpClient Http { get; }
    public Guid Id { get; set; }

    /// <summary>The sign-in cookie as a Cookie header, for SignalR.</summary>
    public string CookieHeader(Uri node) => Cookies.GetCookieHeader(node);

    public void Dispose()
    {
        Http.Dispose();
        Handler.Dispose();
    }
}
