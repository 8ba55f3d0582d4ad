namespace MyStamp.Mail.Delivery;

/// <summary>Wakes this node's delivery as soon as a mail is queued here, so a verification link arrives in seconds, not at the next poll.</summary>
internal sealed class MailSignal
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void Wake()
    {
        try
        {
            _queued.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one pass delivers everything due.
        }
    }

    public Task<bool> Wait(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);
}
