    .text
    .global run_case
    .global insn_slot
    .p2align 12
run_case:
    mov x9, x0
    ldr q0, [x9, #0]
    ldr q1, [x9, #16]
    ldr q2, [x9, #32]
    ldr q3, [x9, #48]
    ldr x0, [x9, #64]
    ldr x1, [x9, #72]
    ldr x2, [x9, #80]
    ldr x3, [x9, #88]
    ldr x10, [x9, #96]
    msr fpcr, x10
    msr fpsr, xzr
    ldr x10, [x9, #112]
    msr nzcv, x10
insn_slot:
    nop
    mrs x10, fpsr
    str x10, [x9, #104]
    mrs x10, nzcv
    str x10, [x9, #112]
    str q0, [x9, #0]
    str q1, [x9, #16]
    str q2, [x9, #32]
    str q3, [x9, #48]
    str x0, [x9, #64]
    str x1, [x9, #72]
    str x2, [x9, #80]
    str x3, [x9, #88]
    msr fpcr, xzr
    ret
    .p2align 12
