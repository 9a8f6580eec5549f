#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>
#include <sys/mman.h>
typedef struct { uint64_t v[8]; uint64_t x[4]; uint64_t fpcr, fpsr, nzcv; } St;
extern void run_case(St*); extern uint32_t insn_slot[];
static uint64_t S[] = {0,0x80000000,1,0x80000001,0x7FFFFF,0x807FFFFF,0x800000,0x80800000,0x3F800000,0xBF800000,0x3FC00000,0x40200000,
 0x7F7FFFFF,0xFF7FFFFF,0x7F800000,0xFF800000,0x7F800001,0x7FBFFFFF,0x7FC00000,0x7FFFFFFF,0xFFC00001,0xFF800005,
 0x4F000000,0xCF000000,0x4F800000,0x5F000000,0xDF000000,0x3F000000,0x3FBFFFFF,0x00C00000,0x3EAAAAAB,0x4B7FFFFF};
static uint64_t D[] = {0,0x8000000000000000ull,1,0x8000000000000001ull,0xFFFFFFFFFFFFFull,0x800FFFFFFFFFFFFFull,0x10000000000000ull,
 0x3FF0000000000000ull,0xBFF0000000000000ull,0x3FF8000000000000ull,0x4004000000000000ull,0x7FEFFFFFFFFFFFFFull,0xFFEFFFFFFFFFFFFFull,
 0x7FF0000000000000ull,0xFFF0000000000000ull,0x7FF0000000000001ull,0x7FF7FFFFFFFFFFFFull,0x7FF8000000000000ull,0x7FFFFFFFFFFFFFFFull,0xFFF8000000000001ull,
 0x41E0000000000000ull,0xC1E0000000000000ull,0x41DFFFFFFFC00000ull,0x43E0000000000000ull,0xC3E0000000000000ull,0x43F0000000000000ull,0x3FE0000000000000ull,
 0x3FD5555555555555ull,0x0018000000000000ull,0x433FFFFFFFFFFFFFull,0x47EFFFFFE0000000ull,0x380FFFFFFFFFFFFFull,0x3690000000000000ull};
static uint64_t H[] = {0,0x8000,1,0x8001,0x3FF,0x400,0x3C00,0xBC00,0x3E00,0x7BFF,0xFBFF,0x7C00,0xFC00,0x7C01,0x7DFF,0x7E00,0x7FFF,0xFE01,0x3555};
static uint64_t I[] = {0,1,2,3,0x7FFFFFFF,0x80000000,0xFFFFFFFF,0xFFFFFFFE,0x1000001,0x1000003,0x7FFFFFFFFFFFFFFFull,0x8000000000000000ull,
 0xFFFFFFFFFFFFFFFFull,0x20000000000001ull,0x20000000000003ull,0xFFFFFFFF80000001ull,0x123456789ABCDEFull,0xFEDCBA9876543210ull};
static uint32_t FPCR[] = {0, 1u<<22, 2u<<22, 3u<<22, (1u<<24)|(1u<<25), (1u<<24)|(3u<<22), 1u<<26};
#define NS (sizeof S/8)
#define ND (sizeof D/8)
#define NH (sizeof H/8)
#define NI (sizeof I/8)
static void emit(uint32_t w, St in) {
  St s = in; insn_slot[0] = w; __builtin___clear_cache((char*)insn_slot, (char*)insn_slot+4);
  run_case(&s);
  for (int i = 0; i < 8; i++) if (i != 0 && i != 1 && s.v[i] != in.v[i]) { fprintf(stderr, "v%d changed\n", i); exit(1); }
  for (int i = 1; i < 4; i++) if (s.x[i] != in.x[i]) { fprintf(stderr, "x%d changed\n", i); exit(1); }
  if (in.v[1] != 0xA5A5A5A500001111ull) printf("%llx %llx %llx %llx ", (unsigned long long)in.v[1], (unsigned long long)in.v[3], (unsigned long long)in.v[5], (unsigned long long)in.v[7]);
  printf("%x %x %llx %llx %llx %llx %llx %llx %llx %llx %llx %x\n", (unsigned)in.fpcr, (unsigned)(in.nzcv >> 28),
    (unsigned long long)in.v[0], (unsigned long long)in.v[2], (unsigned long long)in.v[4], (unsigned long long)in.v[6], (unsigned long long)in.x[1],
    (unsigned long long)s.v[0], (unsigned long long)s.v[1], (unsigned long long)s.x[0], (unsigned long long)s.fpsr, (unsigned)(s.nzcv >> 28));
}
static St base(void) { St s; memset(&s, 0, sizeof s); for (int i = 0; i < 8; i++) s.v[i] = 0xA5A5A5A500000000ull + i * 0x1111; s.x[0]=0xDEAD; s.nzcv = 0x20000000; return s; }
static uint64_t *vals(int k, int *n) { if (k==0) {*n=NS; return S;} if (k==1) {*n=ND; return D;} *n=NH; return H; }
static uint64_t rs = 88172645463325252ull;
static uint64_t rnd(void) { rs ^= rs << 13; rs ^= rs >> 7; rs ^= rs << 17; return rs; }
static uint64_t rv(void) { uint64_t v = 0; int mode = rnd() % 4; for (int i = 0; i < 8; i++) { uint64_t b = rnd() & 0xFF; if (mode == 1) { static const uint8_t sp[] = {0, 0x7F, 0x80, 0xFF, 1, 0xFE, 0x81}; b = sp[rnd() % 7]; } v |= b << (i * 8); } return v; }
int main(int argc, char **argv) {
  mprotect((void*)((uintptr_t)insn_slot & ~4095ul), 8192, PROT_READ|PROT_WRITE|PROT_EXEC);
  char kind[16]; unsigned w; int nf;
  while (scanf("%15s %x %d", kind, &w, &nf) == 3) {
    int k = kind[1]=='s'?0:kind[1]=='d'?1:2;
    int n; uint64_t *v = vals(k, &n);
    printf("= %08x\n", w);
    for (int f = 0; f < nf; f++) {
      St s = base(); s.fpcr = FPCR[f];
      if (kind[0]=='1') for (int a = 0; a < n; a++) { s.v[2] = v[a]; emit(w, s); }
      else if (kind[0]=='2') for (int a = 0; a < n; a++) for (int b = 0; b < n; b+=2) { s.v[2] = v[a]; s.v[4] = v[b]; emit(w, s); }
      else if (kind[0]=='3') for (int a = 0; a < n; a+=3) for (int b = 1; b < n; b+=3) for (int c = 0; c < n; c+=5) { s.v[2] = v[a]; s.v[4] = v[b]; s.v[6]=v[c]; emit(w, s); }
      else if (kind[0]=='c') for (int a = 0; a < n; a++) for (int b = 0; b < n; b+=2) for (int z = 0; z < 16; z+=5) { s.v[0] = v[a]; s.v[2] = v[b]; s.nzcv = (uint64_t)z << 28; emit(w, s); }
      else if (kind[0]=='v') for (int a = 0; a < 6; a++) { s.v[0] = rv(); s.v[1] = rv(); s.v[2] = rv(); s.v[3] = rv(); s.v[4] = rv(); s.v[5] = rv(); s.v[6] = rv(); s.v[7] = rv(); s.x[1] = rv(); emit(w, s); }
      else if (kind[0]=='f' || kind[0]=='g') for (int a = 0; a < 6; a++) {
        for (int i = 0; i < 8; i++) {
          if (kind[0]=='f') { uint64_t lo = (rnd()%4) ? S[rnd()%NS] : (rnd() & 0xFFFFFFFF); uint64_t hi = (rnd()%4) ? S[rnd()%NS] : (rnd() & 0xFFFFFFFF); s.v[i] = lo | hi << 32; }
          else s.v[i] = (rnd()%4) ? D[rnd()%ND] : rnd();
        }
        emit(w, s); }
      else if (kind[0]=='i') for (int a = 0; a < NI; a++) { s.x[1] = I[a]; emit(w, s); }
    }
  }
  return 0;
}
