// Capabilities after a thread changes cores. A process homed on core 0 (its page tables in core
// 0's capability database) allocates a frame and RAM there, then moves to core 1 and keeps
// working on them: mapping, copying, sending over a channel, revoking and deleting. Each of these
// is done by the core owning the capability's database, asked by message from core 1 (the kernel
// never takes core 0's database lock on core 1's thread); a frame allocated on core 1 is relayed
// into core 0's database to be mapped in the process's address space. The process exits with
// capabilities of both databases still held: its RAM goes back to each core's memory manager.
#include "ftest.h"
#include <aos/aos.h>

int main(void)
{
    int cores = 0, pid = 0;
    int here = aos_core_id(&cores, &pid);
    if (cores < 2) { printf("one core: nothing to check\n"); return ft_done(); }
    CHECK(aos_pin_to_core(0) == 0 && aos_core_id(0, 0) == 0, "on core 0 (started on %d)", here);

    capref_t frame, ram;
    uint64_t ram_base = 0, frame_base = 0, size = 0;
    CHECK(aos_frame_alloc(8192, &frame) == 0 && aos_ram_alloc(4096, &ram, &ram_base) == 0, "a frame and RAM from core 0's memory manager");
    aos_cap_identify(frame, &frame_base, &size);
    volatile uint64_t *m0 = aos_frame_map(frame, NULL);
    CHECK(m0 != NULL, "frame mapped on core 0");
    if (m0) m0[0] = 0x1234;

    CHECK(aos_pin_to_core(1) == 0 && aos_core_id(0, 0) == 1, "moved to core 1");
    volatile uint64_t *m1 = aos_frame_map(frame, NULL);
    CHECK(m1 != NULL && m1[0] == 0x1234, "core 0's frame mapped again from core 1 (same memory)");
    if (m1) m1[1] = 0x5678;
    CHECK(m0 && m0[1] == 0x5678, "both mappings share the frame");

    int copy = aos_cap_copy(frame);
    uint64_t b = 0, s = 0;
    CHECK(copy > 0 && aos_cap_identify(copy, &b, &s) >= 0 && b == frame_base && s == size, "copy made from core 1 names the same frame");

    aos_chan_t a, z;
    CHECK(aos_chan_pair(&a, &z) == 0, "an LMP channel on core 1");
    uint64_t w[AOS_UNIT_WORDS] = { 42 };
    capref_t got = 0;
    CHECK(aos_chan_send(a, w, 1, frame, 0) == 0, "core 0's frame sent on core 1");
    CHECK(aos_chan_recv(z, w, &got, 0) == 1 && w[0] == 42 && got > 0, "received with a capability");
    CHECK(aos_cap_identify(got, &b, &s) >= 0 && b == frame_base, "the received capability names the frame");

    capref_t local;
    CHECK(aos_frame_alloc(4096, &local) == 0, "a frame from core 1's memory manager");
    volatile uint64_t *ml = aos_frame_map(local, NULL);
    CHECK(ml != NULL, "core 1's frame mapped in the address space homed on core 0");
    if (ml) { ml[0] = 99; CHECK(ml[0] == 99, "and usable"); }

    CHECK(aos_cap_revoke(frame) == 0, "revoke of core 0's frame from core 1");
    CHECK(aos_cap_identify(copy, 0, 0) < 0 && aos_cap_identify(got, 0, 0) < 0, "its copies are gone");
    CHECK(aos_cap_identify(frame, &b, 0) >= 0 && b == frame_base, "the revoked capability itself stays");
    CHECK(aos_cap_delete(ram) == 0 && aos_cap_identify(ram, 0, 0) < 0, "core 0's RAM deleted from core 1");
    return ft_done();
}
