// GuestSymbolizer: turns guest PC samples into image!function names, from the ImageMapped events
// of a trace and the ELF symbol tables of those images (read with runtime/Elf). An image recorded
// by the loader carries its bias; one mapped by the guest's dynamic loader (mmap of an executable
// file range) gets its bias from the program header whose file offset matches the mapping. Paths
// are guest paths: absolute ones are looked up under the sysroot first (as `fast run -L` does).
using Fast.Runtime.Elf;

namespace Fast.Perf.Tracing;

public sealed class GuestSymbolizer(string? sysroot)
{
    sealed record Image(ulong Start, ulong End, ulong Bias, string Name, ElfSymbol[] Functions);

    readonly Dictionary<int, List<Image>> images = new();
    readonly Dictionary<string, ElfFile?> files = new();

    public void AddMapping(int pid, ulong start, ulong end, ulong bias, ulong fileOffset, string path)
    {
        var elf = Open(path);
        if (elf is null) return;
        if (fileOffset != ulong.MaxValue)
        {
            var segment = elf.LoadSegments.FirstOrDefault(s => s.Offset == fileOffset);
            if (segment is null) return;
            bias = start - (segment.VirtualAddress & ~0xFFFUL);
        }
        var functions = elf.Symbols.Where(s => s.Type == ElfSymbolType.Func && s.IsDefined && s.Value != 0)
            .OrderBy(s => s.Value).ToArray();
        if (!images.TryGetValue(pid, out var list)) images[pid] = list = new();
        list.Add(new Image(start, end, bias, Path.GetFileName(path), functions));
    }

    ElfFile? Open(string path)
    {
        if (files.TryGetValue(path, out var cached)) return cached;
        ElfFile? elf = null;
        foreach (var candidate in new[] { sysroot is null ? null : Path.Join(sysroot, path), path })
        {
            if (candidate is null || !File.Exists(candidate)) continue;
            try { elf = ElfFile.Load(candidate); break; }
            catch (ElfFormatException) { }
            catch (IOException) { }
        }
        return files[path] = elf;
    }

    /// <summary>"image!function" (or "image+0xOFF" without a symbol, "0xPC" outside every image).</summary>
    public string Name(int pid, ulong pc)
    {
        if (!images.TryGetValue(pid, out var list)) return $"0x{pc:x}";
        for (int i = list.Count - 1; i >= 0; i--)
        {
            var image = list[i];
            if (pc < image.Start || pc >= image.End) continue;
            ulong value = pc - image.Bias;
            int lo = 0, hi = image.Functions.Length - 1, found = -1;
            while (lo <= hi)
            {
                int mid = (lo + hi) / 2;
                if (image.Functions[mid].Value <= value) { found = mid; lo = mid + 1; } else hi = mid - 1;
            }
            if (found >= 0)
            {
                var f = image.Functions[found];
                if (value < f.Value + Math.Max(f.Size, 1)) return $"{image.Name}!{f.Name}";
            }
            return $"{image.Name}+0x{value:x}";
        }
        return $"0x{pc:x}";
    }
}
