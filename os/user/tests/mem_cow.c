/* Copy-on-write isolation after fork: neither side sees the other's writes, in data, bss, heap,
 * stack and anonymous mmap memory; untouched pages stay shared-and-equal; nested forks. */
#include "ftest.h"
#include <sys/mman.h>
#include <sys/wait.h>

static int data_var = 1111;
static int bss_arr[4096];

static unsigned checksum(const unsigned char *p, size_t n)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}

int main(void)
{
    const size_t heap_n = 1 << 20, map_n = 4 << 20;
    unsigned char *heap = malloc(heap_n);
    unsigned char *map = mmap(NULL, map_n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    int stack_var = 2222;
    for (size_t i = 0; i < heap_n; i++) heap[i] = (unsigned char)(i * 13);
    for (size_t i = 0; i < map_n; i += 64) map[i] = (unsigned char)(i >> 6);
    for (int i = 0; i < 4096; i++) bss_arr[i] = i;
    unsigned heap_sum = checksum(heap, heap_n), map_sum = checksum(map, map_n);

    int to_child[2], to_parent[2];
    pipe(to_child);
    pipe(to_parent);
    pid_t pid = fork();
    if (pid == 0) {
        /* The child first checks it sees the pre-fork values, then writes everywhere. */
        int ok = data_var == 1111 && stack_var == 2222 && bss_arr[100] == 100
              && checksum(heap, heap_n) == heap_sum && checksum(map, map_n) == map_sum;
        data_var = 3333; stack_var = 4444; bss_arr[100] = -1;
        memset(heap, 0xAA, heap_n);
        memset(map, 0x55, map_n);
        write(to_parent[1], &ok, sizeof ok);
        /* Wait until the parent has written its own values, then check ours survived. */
        char c;
        read(to_child[0], &c, 1);
        ok = data_var == 3333 && stack_var == 4444 && bss_arr[100] == -1 && heap[12345] == 0xAA && map[777777] == 0x55;
        write(to_parent[1], &ok, sizeof ok);
        _exit(0);
    }
    int child_ok = 0;
    read(to_parent[0], &child_ok, sizeof child_ok);
    CHECK(child_ok, "the child sees the parent's memory as it was at fork");
    CHECK(data_var == 1111 && stack_var == 2222 && bss_arr[100] == 100, "the child's writes to data/stack/bss do not reach the parent");
    CHECK(checksum(heap, heap_n) == heap_sum, "the child's writes to the heap do not reach the parent");
    CHECK(checksum(map, map_n) == map_sum, "the child's writes to an anonymous mapping do not reach the parent");
    data_var = 5555; stack_var = 6666; memset(heap, 0x11, heap_n); memset(map, 0x22, map_n);
    write(to_child[1], "x", 1);
    read(to_parent[0], &child_ok, sizeof child_ok);
    CHECK(child_ok, "the parent's writes after fork do not reach the child");
    int status;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child exit status 0x%x", status);

    /* Nested forks: three generations each write their own value into the same page. */
    static volatile int gen_var;
    gen_var = 0;
    pid = fork();
    if (pid == 0) {
        gen_var = 1;
        pid_t g = fork();
        if (g == 0) { gen_var = 2; _exit(gen_var == 2 ? 0 : 1); }
        int st;
        waitpid(g, &st, 0);
        _exit(WIFEXITED(st) && WEXITSTATUS(st) == 0 && gen_var == 1 ? 0 : 1);
    }
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0 && gen_var == 0, "three generations keep their own copies of one page");

    /* Many children each write the same page; the parent's copy survives all of them. */
    memset(heap, 0x77, 4096);
    for (int i = 0; i < 16; i++) {
        pid = fork();
        if (pid == 0) { heap[0] = (unsigned char)i; _exit(heap[0] == i && heap[1] == 0x77 ? 0 : 1); }
    }
    int all = 1;
    for (int i = 0; i < 16; i++) { wait(&status); all &= WIFEXITED(status) && WEXITSTATUS(status) == 0; }
    CHECK(all && heap[0] == 0x77, "16 children write one shared page; the parent still reads 0x77");
    return ft_done();
}
