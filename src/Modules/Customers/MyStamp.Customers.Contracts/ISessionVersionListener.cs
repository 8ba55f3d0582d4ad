namespace MyStamp.Customers.Contracts;

/// <summary>
/// What a node keeps in memory about accounts' session versions (the web edge's short memory of them) and must
/// hear at once when one changes: a sign-out everywhere, a new password, an account closed or erased (by a request,
/// a reminder or the nightly sweep). The Customers module tells every node's listeners, whichever node made the
/// change. Registered as a singleton by the module that keeps such a memory.
/// </summary>
public interface ISessionVersionListener
{
    /// <summary>
    /// These accounts' session version is now <paramref name="version"/>; null: the accounts are closed (erased),
    /// no session of theirs is valid any more.
    /// </summary>
    void Changed(IReadOnlyCollection<Guid> accountIds, bool admin, int? version);
}
