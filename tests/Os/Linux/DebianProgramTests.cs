// Acceptance: unmodified Debian arm64 programs on Fast's kernel give byte-identical output to
// qemu-aarch64 running the same binaries on the same inputs. The packages are fetched by the
// test itself (apt-get download, dpkg -x, cached: perf/Workloads/DebianSysroot). Fast runs as a
// child `fast run` process, like qemu, so both see a pipe on stdout.
using System.Diagnostics;
using Fast.Perf.Workloads;

namespace Fast.Tests.Os.Linux;

public sealed class DebianSysrootFixture
{
    public static readonly string[] Packages =
        ["busybox-static", "libc6", "xz-utils", "liblzma5", "gzip", "lua5.4", "liblua5.4-0", "libreadline8", "libtinfo6"];

    public DebianSysroot Sysroot { get; }
    /// <summary>A directory of symlinks to busybox, one per applet: the PATH both engines search.</summary>
    public string AppletDirectory { get; }

    public DebianSysrootFixture()
    {
        Sysroot = new DebianSysroot(DebianSysroot.DefaultCache);
        Sysroot.Ensure(Packages);
        AppletDirectory = Sysroot.BusyboxApplets();
    }
}

public sealed class DebianProgramTests(DebianSysrootFixture fixture) : IClassFixture<DebianSysrootFixture>
{
    string Sysroot => fixture.Sysroot.Arm64;
    string Busybox => Path.Combine(Sysroot, "bin", "busybox");

    static string FastDll => Path.Combine(AppContext.BaseDirectory, "fast.dll");

    public static TheoryData<string, string> Scripts() => new()
    {
        { "pipes", "seq 1 200 | sort -r | head -n 5 | tr '\\n' ' '; echo; echo abc | sed 's/b/B/' | cat" },
        { "redirections", "echo one > a; echo two >> a; cat < a; wc -l < a; ls nonexistent 2>/dev/null || echo missing" },
        { "subshells", "(cd sub && pwd | sed 's|.*/||'; exit 3); echo status $?; x=$(echo inner $(echo nested)); echo $x" },
        { "loops", "for i in 1 2 3; do echo item $i; done; n=0; while [ $n -lt 5 ]; do n=$((n+1)); done; echo $n; case x in x) echo matched;; esac" },
        { "ls", "ls -la sub | sed 's/  */ /g' | cut -d' ' -f1,2,5,9 | sort" },
        { "text", "sort data | uniq -c; grep -E '^(alpha|gamma)' data; awk '{ n[$1]++ } END { for (k in n) print k, n[k] }' data | sort; wc data" },
        { "find", "find . -type f | sort; find . -name '*.txt' | wc -l" },
        { "hashes", "sha256sum data; md5sum data; cat data | sha256sum" },
        { "gzip", "gzip -9 -c data > data.gz; gunzip -c data.gz | cmp - data && echo gzip round trip ok; gzip -t data.gz && echo valid" },
        { "tar", "tar cf t.tar sub data && mkdir out && tar xf t.tar -C out && cmp data out/data && ls out/sub | sort && echo tar ok" },
        { "dd", "dd if=/dev/zero bs=1024 count=64 2>/dev/null | wc -c; dd if=data bs=7 skip=2 count=3 2>/dev/null; echo" },
        { "arith", "seq 5 3 20; expr 6 \\* 7; expr length hello; echo $(( (1 << 20) + 3 ))" },
        { "date", "date -u -d @1234567890; date -u -d @0 +%Y-%m-%d" },
        { "sleep-kill", "sleep 0.1; sleep 30 & p=$!; kill $p; wait $p; echo killed $?" },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public void BusyboxShellMatchesQemu(string name, string script)
    {
        var fast = Run(Fast(), [Busybox, "sh", "-c", script]);
        var qemu = Run(Qemu(), [Busybox, "sh", "-c", script]);
        Assert.True(qemu.Status == fast.Status, $"{name}: exit status fast {fast.Status}, qemu {qemu.Status}\n{fast.Stderr}");
        Assert.Equal(qemu.Stdout, fast.Stdout);
    }

    [Fact]
    public void XzCompressTestAndDecompressMatchQemu()
    {
        string xz = Path.Combine(Sysroot, "usr", "bin", "xz");
        var fast = Run(Fast(), [xz, "-6", "-c", "big"]);
        var qemu = Run(Qemu(), [xz, "-6", "-c", "big"]);
        Assert.Equal(0, fast.Status);
        Assert.Equal(qemu.Stdout, fast.Stdout);
        var dir = NewWorkDirectory();
        File.WriteAllBytes(Path.Combine(dir, "big.xz"), fast.StdoutBytes);
        var tested = Run(Fast(), [xz, "-t", "big.xz"], dir);
        Assert.Equal(0, tested.Status);
        var back = Run(Fast(), [xz, "-d", "-c", "big.xz"], dir);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "big")), back.Stdout);
    }

    [Fact]
    public void LuaScriptMatchesQemu()
    {
        string lua = Path.Combine(Sysroot, "usr", "bin", "lua5.4");
        const string script = """
            local t = {}
            for i = 1, 2000 do t[i] = (i * 7919) % 1009 end
            table.sort(t)
            local words = {}
            for w in ("the quick brown fox jumps over the lazy dog"):gmatch("%a+") do words[#words + 1] = w:upper() end
            local function counter() local n = 0 return function() n = n + 1 return n end end
            local c = counter(); c(); c()
            local co = coroutine.create(function(a) local b = coroutine.yield(a * 2) return a + b end)
            local _, x = coroutine.resume(co, 5)
            local _, y = coroutine.resume(co, 10)
            print(t[1], t[#t], #t, table.concat(words, ","), c(), x, y, string.format("%.6f", math.sin(1)), 2^53, 7 // 2, 7 % -3)
            """;
        var dir = NewWorkDirectory();
        File.WriteAllText(Path.Combine(dir, "s.lua"), script);
        var fast = Run(Fast(), [lua, "s.lua"], dir);
        var qemu = Run(Qemu(), [lua, "s.lua"], dir);
        Assert.Equal(0, fast.Status);
        Assert.Equal(qemu.Stdout, fast.Stdout);
    }

    [Fact]
    public void GzipMatchesQemu()
    {
        string gzip = Path.Combine(Sysroot, "bin", "gzip");
        var fast = Run(Fast(), [gzip, "-9", "-n", "-c", "big"]);
        var qemu = Run(Qemu(), [gzip, "-9", "-n", "-c", "big"]);
        Assert.Equal(0, fast.Status);
        Assert.Equal(qemu.StdoutBytes, fast.StdoutBytes);
    }

    (string File, string[] Args) Fast() => ("dotnet", [FastDll, "run", "-L", Sysroot]);
    (string File, string[] Args) Qemu() => ("qemu-aarch64", ["-L", Sysroot]);

    sealed record Output(int Status, string Stdout, byte[] StdoutBytes, string Stderr);

    static string NewWorkDirectory()
    {
        var dir = Directory.CreateTempSubdirectory("fast-debian").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        File.WriteAllText(Path.Combine(dir, "sub", "one.txt"), "first file\n");
        File.WriteAllText(Path.Combine(dir, "sub", "two.txt"), "second file\n");
        File.WriteAllText(Path.Combine(dir, "data"), string.Join("\n", Enumerable.Range(0, 300).Select(i => $"{(new[] { "alpha", "beta", "gamma", "delta" })[i * 7 % 4]} {i * 31 % 97}")) + "\n");
        var text = new System.Text.StringBuilder();
        var random = new Random(11);
        for (int i = 0; i < 20000; i++) text.Append("word").Append(random.Next(500)).Append(i % 13 == 0 ? '\n' : ' ');
        File.WriteAllText(Path.Combine(dir, "big"), text.ToString());
        // Same timestamps in every copy, so listings compare equal.
        foreach (var f in Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(f, new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        return dir;
    }

    static string AppletPath = "";

    Output Run((string File, string[] Args) engine, string[] command, string? cwd = null)
    {
        AppletPath = fixture.AppletDirectory;
        return RunIn(engine, command, cwd);
    }

    static Output RunIn((string File, string[] Args) engine, string[] command, string? cwd = null)
    {
        var info = new ProcessStartInfo(engine.File)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            WorkingDirectory = cwd ?? NewWorkDirectory(),
        };
        foreach (var a in engine.Args.Concat(command)) info.ArgumentList.Add(a);
        info.Environment["LC_ALL"] = "C";
        info.Environment["TZ"] = "UTC";
        // Only busybox applets: qemu-aarch64 would otherwise run the host's x86 tools found on PATH.
        info.Environment["PATH"] = AppletPath;
        using var p = Process.Start(info)!;
        p.StandardInput.Close();
        var stdout = new MemoryStream();
        var copy = p.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException($"{engine.File} {string.Join(' ', command)} timed out"); }
        copy.Wait();
        var bytes = stdout.ToArray();
        return new Output(p.ExitCode, System.Text.Encoding.Latin1.GetString(bytes), bytes, stderr.Result);
    }
}
