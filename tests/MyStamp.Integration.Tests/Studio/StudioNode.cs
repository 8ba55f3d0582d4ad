using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Studio;

/// <summary>
/// One node shared by a Studio test class, on a clock the tests move (a design not ordered is deleted after
/// 30 days). Customers and the admin sign in through the real API (<see cref="NodeFixture"/>).
/// </summary>
public sealed class StudioNode() : ClockedNodeFixture(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
