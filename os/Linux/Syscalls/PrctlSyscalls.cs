// prctl: the thread name (PR_SET_NAME / PR_GET_NAME) and the harmless queries programs make;
// any other option is EINVAL, as Linux answers an option it does not know.
using System.Text;
using Fast.Os.Linux.Abi;
using Fast.Runtime;

namespace Fast.Os.Linux.Syscalls;

static partial class PrctlSyscalls
{
    const int PR_SET_PDEATHSIG = 1, PR_GET_PDEATHSIG = 2, PR_GET_DUMPABLE = 3, PR_SET_DUMPABLE = 4, PR_SET_NAME = 15, PR_GET_NAME = 16;

    [Syscall(167, "option, arg2, arg3, arg4, arg5")]
    static long Prctl(SyscallContext c)
    {
        switch (c.IntArg(0))
        {
            case PR_SET_NAME:
                var name = c.User.ReadCString(c.Arg(1), 64);
                if (name is null) return Errno.EFAULT.Neg();
                c.Thread.Name = name.Length > 15 ? name[..15] : name;
                return 0;
            case PR_GET_NAME:
                var bytes = new byte[16];
                Latin1Text.GetBytes(c.Thread.Name ?? "").AsSpan().CopyTo(bytes);
                return c.User.Write(c.Arg(1), bytes) != 0 ? Errno.EFAULT.Neg() : 0;
            case PR_SET_PDEATHSIG or PR_SET_DUMPABLE:
                return 0;
            case PR_GET_PDEATHSIG:
                return c.User.TryWrite32(c.Arg(1), 0) ? 0 : Errno.EFAULT.Neg();
            case PR_GET_DUMPABLE:
                return 1;
            default:
                return Errno.EINVAL.Neg();
        }
    }
}
