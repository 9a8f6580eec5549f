// InstructionArena: where decoded blocks keep their instructions. A block's instructions must not
// move (the interpreter's block loop and compiled regions hold pointers to them), so they live on
// the pinned object heap; but an allocation there takes the GC's slow path (no allocation context):
// one per decoded block was a quarter of the time of `xz --version` run 100 times in one process.
// Blocks now take slices of 64 KiB pinned chunks, handed out in order under a lock. A block keeps
// a reference to its chunk, so a chunk is collected with the last of its blocks; a dropped block's
// slice is not reused meanwhile (at most one chunk per live block, in the worst case).
namespace Fast.Translator.Interpreter;

static unsafe class InstructionArena
{
    const int ChunkBytes = 64 * 1024;

    static readonly object gate = new();
    static byte[]? chunk;   // guarded by gate
    static int used;        // guarded by gate

    /// <summary>A slice of bytes bytes (a multiple of 8, at most ChunkBytes) that never moves: the chunk
    /// that holds it (keep it referenced as long as the slice is used) and the slice's address.</summary>
    public static byte[] Allocate(int bytes, out byte* at)
    {
        lock (gate)
        {
            if (chunk is null || ChunkBytes - used < bytes)
            {
                chunk = GC.AllocateUninitializedArray<byte>(ChunkBytes, pinned: true);
                used = 0;
            }
            fixed (byte* start = chunk) at = start + used;   // (the pinned heap: it stays there)
            used += bytes;
            return chunk;
        }
    }
}
