// Private to the native C library (aos.c, aos_services.c, aos_nameservice.c): the kernel's call
// numbers (NativeCall in os/Native/NativeKernel.cs) and a three-argument call helper.
#ifndef AOS_INTERNAL_H
#define AOS_INTERNAL_H
#define _GNU_SOURCE
#include <aos/aos.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#define SVC_PUTCHAR 0x1000
#define SVC_CORE 0x1001
#define SVC_CHAN_PAIR 0x1010
#define SVC_SEND 0x1011
#define SVC_RECV 0x1012
#define SVC_CLOSE 0x1013
#define SVC_INFO 0x1014
#define SVC_WAIT_ANY 0x1015
#define SVC_CALL 0x1016
#define SVC_BULK_READ 0x1017
#define SVC_SEND_BULK 0x1018
#define SVC_RAM 0x1020
#define SVC_FRAME 0x1021
#define SVC_MAP 0x1022
#define SVC_DELETE 0x1023
#define SVC_REVOKE 0x1024
#define SVC_IDENTIFY 0x1025
#define SVC_COPY 0x1026
#define SVC_SPAWN 0x1030
#define SVC_NS_REGISTER 0x1040
#define SVC_NS_LOOKUP 0x1041
#define SVC_NS_ENUMERATE 0x1042
#define SVC_NS_DEREGISTER 0x1043
#define SVC_ACCEPT 0x1044

static inline long svc3(long n, long a, long b, long c, long *o1, long *o2)
{
    long r[9] = { a, b, c };
    long v = aos_svc(n, r);
    if (o1) *o1 = r[1];
    if (o2) *o2 = r[2];
    return v;
}


#endif
