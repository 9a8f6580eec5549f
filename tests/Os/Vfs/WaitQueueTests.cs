// WaitQueue's wake-up protocol: WakeAll skips the lock when nobody waits, so a waiter being added
// at the same moment as the condition becomes true must still be woken (by WakeAll or by itself).
using Fast.Os.Vfs;
using Xunit;

namespace Fast.Tests.Os.Vfs;

public class WaitQueueTests
{
    [Fact]
    public void AWaiterAddedWhileTheConditionTurnsTrueIsAlwaysWoken()
    {
        const int rounds = 100000;
        int flag = 0, woken = 0;
        var q = new WaitQueue(() => Volatile.Read(ref flag) != 0);
        using var start = new Barrier(3);
        using var end = new Barrier(3);
        var waiter = new Thread(() =>
        {
            for (int i = 0; i < rounds; i++)
            {
                start.SignalAndWait();
                q.AddWaiter(() => Interlocked.Increment(ref woken));
                end.SignalAndWait();
            }
        });
        var waker = new Thread(() =>
        {
            for (int i = 0; i < rounds; i++)
            {
                start.SignalAndWait();
                Volatile.Write(ref flag, 1);
                q.WakeAll();
                end.SignalAndWait();
            }
        });
        waiter.Start();
        waker.Start();
        int lost = 0;
        for (int i = 0; i < rounds; i++)
        {
            start.SignalAndWait();   // round i starts with the flag clear and the queue empty
            end.SignalAndWait();     // both finished round i
            if (Volatile.Read(ref woken) != 1) lost++;
            Volatile.Write(ref flag, 0);
            q.WakeAll();             // a lost waiter would still be queued: wake it before the next round
            Volatile.Write(ref woken, 0);
        }
        waiter.Join();
        waker.Join();
        Assert.Equal(0, lost);
    }
}
