// InputGenerator: the workloads' input files, generated deterministically (same bytes on every
// machine and every run): an English-like text of words from a fixed vocabulary drawn by a
// xorshift64* generator with a fixed seed, in lines of 40-100 characters, and the Lua script.
using System.Text;

namespace Fast.Perf.Workloads;

public static class InputGenerator
{
    public const int TextBytes = 8 << 20;
    public const ulong Seed = 0x9E3779B97F4A7C15;

    static readonly string[] words =
    [
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on",
        "not", "he", "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "had", "they", "you", "were",
        "their", "one", "all", "we", "can", "her", "has", "there", "been", "if", "more", "when", "will", "would", "who", "so",
        "kernel", "page", "fault", "register", "memory", "vector", "cache", "branch", "translation", "emulator", "guest", "host",
        "capability", "scheduler", "message", "channel", "frame", "region", "syscall", "process", "thread", "signal", "pipe", "socket",
    ];

    /// <summary>Writes exactly <paramref name="bytes"/> bytes of text to <paramref name="path"/>.</summary>
    public static void WriteText(string path, int bytes = TextBytes, ulong seed = Seed)
    {
        ulong state = seed;
        ulong Next()
        {
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27;
            return state * 0x2545F4914F6CDD1DUL;
        }
        var text = new StringBuilder(bytes + 128);
        int lineLength = 0, lineTarget = 40 + (int)(Next() % 61);
        while (text.Length < bytes)
        {
            string word = words[Next() % (ulong)words.Length];
            if (lineLength > 0) { text.Append(' '); lineLength++; }
            text.Append(word);
            lineLength += word.Length;
            if (Next() % 13 == 0) { text.Append(Next() % 2 == 0 ? ',' : '.'); lineLength++; }
            if (lineLength >= lineTarget)
            {
                text.Append('\n');
                lineLength = 0;
                lineTarget = 40 + (int)(Next() % 61);
            }
        }
        text.Length = bytes - 1;
        text.Append('\n');
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    /// <summary>A CPU-bound Lua program: a sieve, recursive Fibonacci, string formatting and a table sort.</summary>
    public const string LuaScript = """
        local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
        local N = 2000000
        local sieve = {}
        for i = 2, N do sieve[i] = true end
        for i = 2, math.floor(math.sqrt(N)) do
          if sieve[i] then for j = i * i, N, i do sieve[j] = false end end
        end
        local primes = 0
        for i = 2, N do if sieve[i] then primes = primes + 1 end end
        local parts = {}
        for i = 1, 200000 do parts[#parts + 1] = string.format("%d:%x", i, (i * 2654435761) % 4294967296) end
        local joined = table.concat(parts, ",")
        local keys = {}
        for i = 1, 100000 do keys[i] = (i * 7919) % 100003 end
        table.sort(keys)
        print(primes, fib(27), #joined, keys[1], keys[50000], keys[100000])
        """;
}
