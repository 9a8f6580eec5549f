// System register and system operation names as GNU objdump 2.40 prints them (aarch64).
// Derived once from objdump's output over every MRS/MSR and SYS encoding; registers and
// operations missing here print in the generic form (s3_3_c15_c2_0, sys #op1, Cn, Cm, #op2).
namespace Fast.Translator.Disassembly;

public static partial class Fmt
{
    // key = o0:op1:CRn:CRm:op2 (15 bits, op0 = 2 + o0) = name. MSR writes DBGDTRTX_EL0 where MRS reads DBGDTRRX_EL0.
    const string SystemRegisterTable =
        "2=osdtrrx_el1 4=dbgbvr0_el1 5=dbgbcr0_el1 6=dbgwvr0_el1 7=dbgwcr0_el1 c=dbgbvr1_el1 d=dbgbcr1_el1 e=dbgwvr1_el1 " +
        "f=dbgwcr1_el1 10=mdccint_el1 12=mdscr_el1 14=dbgbvr2_el1 15=dbgbcr2_el1 16=dbgwvr2_el1 17=dbgwcr2_el1 1a=osdtrtx_el1 " +
        "1c=dbgbvr3_el1 1d=dbgbcr3_el1 1e=dbgwvr3_el1 1f=dbgwcr3_el1 24=dbgbvr4_el1 25=dbgbcr4_el1 26=dbgwvr4_el1 27=dbgwcr4_el1 " +
        "2c=dbgbvr5_el1 2d=dbgbcr5_el1 2e=dbgwvr5_el1 2f=dbgwcr5_el1 32=oseccr_el1 34=dbgbvr6_el1 35=dbgbcr6_el1 36=dbgwvr6_el1 " +
        "37=dbgwcr6_el1 3c=dbgbvr7_el1 3d=dbgbcr7_el1 3e=dbgwvr7_el1 3f=dbgwcr7_el1 44=dbgbvr8_el1 45=dbgbcr8_el1 46=dbgwvr8_el1 " +
        "47=dbgwcr8_el1 4c=dbgbvr9_el1 4d=dbgbcr9_el1 4e=dbgwvr9_el1 4f=dbgwcr9_el1 54=dbgbvr10_el1 55=dbgbcr10_el1 56=dbgwvr10_el1 " +
        "57=dbgwcr10_el1 5c=dbgbvr11_el1 5d=dbgbcr11_el1 5e=dbgwvr11_el1 5f=dbgwcr11_el1 64=dbgbvr12_el1 65=dbgbcr12_el1 66=dbgwvr12_el1 " +
        "67=dbgwcr12_el1 6c=dbgbvr13_el1 6d=dbgbcr13_el1 6e=dbgwvr13_el1 6f=dbgwcr13_el1 74=dbgbvr14_el1 75=dbgbcr14_el1 76=dbgwvr14_el1 " +
        "77=dbgwcr14_el1 7c=dbgbvr15_el1 7d=dbgbcr15_el1 7e=dbgwvr15_el1 7f=dbgwcr15_el1 80=mdrar_el1 84=oslar_el1 8c=oslsr_el1 " +
        "9c=osdlr_el1 a4=dbgprcr_el1 3c6=dbgclaimset_el1 3ce=dbgclaimclr_el1 3f6=dbgauthstatus_el1 400=csrcr_el1 401=csrptr_el1 403=csrptridx_el1 " +
        "801=trctraceidr 802=trcvictlr 804=trcseqevr0 805=trccntrldvr0 806=trcidr8 807=trcimspec0 808=trcprgctlr 809=trcqctlr " +
        "80a=trcviiectlr 80c=trcseqevr1 80d=trccntrldvr1 80e=trcidr9 80f=trcimspec1 810=trcprocselr 812=trcvissctlr 814=trcseqevr2 " +
        "815=trccntrldvr2 816=trcidr10 817=trcimspec2 818=trcstatr 81a=trcvipcssctlr 81d=trccntrldvr3 81e=trcidr11 81f=trcimspec3 " +
        "820=trcconfigr 825=trccntctlr0 826=trcidr12 827=trcimspec4 82d=trccntctlr1 82e=trcidr13 82f=trcimspec5 830=trcauxctlr " +
        "834=trcseqrstevr 835=trccntctlr2 837=trcimspec6 83c=trcseqstr 83d=trccntctlr3 83f=trcimspec7 840=trceventctl0r 842=trcvdctlr " +
        "844=trcextinselr0 845=trccntvr0 847=trcidr0 848=trceventctl1r 84a=trcvdsacctlr 84c=trcextinselr1 84d=trccntvr1 84f=trcidr1 " +
        "850=trcrsr 852=trcvdarcctlr 854=trcextinselr2 855=trccntvr2 857=trcidr2 858=trcstallctlr 85c=trcextinselr3 85d=trccntvr3 " +
        "85f=trcidr3 860=trctsctlr 867=trcidr4 868=trcsyncpr 86f=trcidr5 870=trcccctlr 877=trcidr6 878=trcbbctlr " +
        "87f=trcidr7 881=trcrsctlr16 882=trcssccr0 883=trcsspcicr0 884=trcoslar 889=trcrsctlr17 88a=trcssccr1 88b=trcsspcicr1 " +
        "88c=trcoslsr 890=trcrsctlr2 891=trcrsctlr18 892=trcssccr2 893=trcsspcicr2 898=trcrsctlr3 899=trcrsctlr19 89a=trcssccr3 " +
        "89b=trcsspcicr3 8a0=trcrsctlr4 8a1=trcrsctlr20 8a2=trcssccr4 8a3=trcsspcicr4 8a4=trcpdcr 8a8=trcrsctlr5 8a9=trcrsctlr21 " +
        "8aa=trcssccr5 8ab=trcsspcicr5 8ac=trcpdsr 8b0=trcrsctlr6 8b1=trcrsctlr22 8b2=trcssccr6 8b3=trcsspcicr6 8b8=trcrsctlr7 " +
        "8b9=trcrsctlr23 8ba=trcssccr7 8bb=trcsspcicr7 8c0=trcrsctlr8 8c1=trcrsctlr24 8c2=trcsscsr0 8c8=trcrsctlr9 8c9=trcrsctlr25 " +
        "8ca=trcsscsr1 8d0=trcrsctlr10 8d1=trcrsctlr26 8d2=trcsscsr2 8d8=trcrsctlr11 8d9=trcrsctlr27 8da=trcsscsr3 8e0=trcrsctlr12 " +
        "8e1=trcrsctlr28 8e2=trcsscsr4 8e8=trcrsctlr13 8e9=trcrsctlr29 8ea=trcsscsr5 8f0=trcrsctlr14 8f1=trcrsctlr30 8f2=trcsscsr6 " +
        "8f8=trcrsctlr15 8f9=trcrsctlr31 8fa=trcsscsr7 900=trcacvr0 901=trcacvr8 902=trcacatr0 903=trcacatr8 904=trcdvcvr0 " +
        "905=trcdvcvr4 906=trcdvcmr0 907=trcdvcmr4 910=trcacvr1 911=trcacvr9 912=trcacatr1 913=trcacatr9 920=trcacvr2 " +
        "921=trcacvr10 922=trcacatr2 923=trcacatr10 924=trcdvcvr1 925=trcdvcvr5 926=trcdvcmr1 927=trcdvcmr5 930=trcacvr3 " +
        "931=trcacvr11 932=trcacatr3 933=trcacatr11 940=trcacvr4 941=trcacvr12 942=trcacatr4 943=trcacatr12 944=trcdvcvr2 " +
        "945=trcdvcvr6 946=trcdvcmr2 947=trcdvcmr6 950=trcacvr5 951=trcacvr13 952=trcacatr5 953=trcacatr13 960=trcacvr6 " +
        "961=trcacvr14 962=trcacatr6 963=trcacatr14 964=trcdvcvr3 965=trcdvcvr7 966=trcdvcmr3 967=trcdvcmr7 970=trcacvr7 " +
        "971=trcacvr15 972=trcacatr7 973=trcacatr15 980=trccidcvr0 981=trcvmidcvr0 982=trccidcctlr0 98a=trccidcctlr1 990=trccidcvr1 " +
        "991=trcvmidcvr1 992=trcvmidcctlr0 99a=trcvmidcctlr1 9a0=trccidcvr2 9a1=trcvmidcvr2 9b0=trccidcvr3 9b1=trcvmidcvr3 9c0=trccidcvr4 " +
        "9c1=trcvmidcvr4 9d0=trccidcvr5 9d1=trcvmidcvr5 9e0=trccidcvr6 9e1=trcvmidcvr6 9f0=trccidcvr7 9f1=trcvmidcvr7 b84=trcitctrl " +
        "b97=trcdevid b9f=trcdevtype ba7=trcpidr4 baf=trcpidr5 bb7=trcpidr6 bbf=trcpidr7 bc6=trcclaimset bc7=trcpidr0 " +
        "bce=trcclaimclr bcf=trcpidr1 bd6=trcdevaff0 bd7=trcpidr2 bde=trcdevaff1 bdf=trcpidr3 be6=trclar be7=trccidr0 " +
        "bee=trclsr bef=trccidr1 bf6=trcauthstatus bf7=trccidr2 bfe=trcdevarch bff=trccidr3 c00=brbinf0_el1 c01=brbsrc0_el1 " +
        "c02=brbtgt0_el1 c04=brbinf16_el1 c05=brbsrc16_el1 c06=brbtgt16_el1 c08=brbinf1_el1 c09=brbsrc1_el1 c0a=brbtgt1_el1 c0c=brbinf17_el1 " +
        "c0d=brbsrc17_el1 c0e=brbtgt17_el1 c10=brbinf2_el1 c11=brbsrc2_el1 c12=brbtgt2_el1 c14=brbinf18_el1 c15=brbsrc18_el1 c16=brbtgt18_el1 " +
        "c18=brbinf3_el1 c19=brbsrc3_el1 c1a=brbtgt3_el1 c1c=brbinf19_el1 c1d=brbsrc19_el1 c1e=brbtgt19_el1 c20=brbinf4_el1 c21=brbsrc4_el1 " +
        "c22=brbtgt4_el1 c24=brbinf20_el1 c25=brbsrc20_el1 c26=brbtgt20_el1 c28=brbinf5_el1 c29=brbsrc5_el1 c2a=brbtgt5_el1 c2c=brbinf21_el1 " +
        "c2d=brbsrc21_el1 c2e=brbtgt21_el1 c30=brbinf6_el1 c31=brbsrc6_el1 c32=brbtgt6_el1 c34=brbinf22_el1 c35=brbsrc22_el1 c36=brbtgt22_el1 " +
        "c38=brbinf7_el1 c39=brbsrc7_el1 c3a=brbtgt7_el1 c3c=brbinf23_el1 c3d=brbsrc23_el1 c3e=brbtgt23_el1 c40=brbinf8_el1 c41=brbsrc8_el1 " +
        "c42=brbtgt8_el1 c44=brbinf24_el1 c45=brbsrc24_el1 c46=brbtgt24_el1 c48=brbinf9_el1 c49=brbsrc9_el1 c4a=brbtgt9_el1 c4c=brbinf25_el1 " +
        "c4d=brbsrc25_el1 c4e=brbtgt25_el1 c50=brbinf10_el1 c51=brbsrc10_el1 c52=brbtgt10_el1 c54=brbinf26_el1 c55=brbsrc26_el1 c56=brbtgt26_el1 " +
        "c58=brbinf11_el1 c59=brbsrc11_el1 c5a=brbtgt11_el1 c5c=brbinf27_el1 c5d=brbsrc27_el1 c5e=brbtgt27_el1 c60=brbinf12_el1 c61=brbsrc12_el1 " +
        "c62=brbtgt12_el1 c64=brbinf28_el1 c65=brbsrc28_el1 c66=brbtgt28_el1 c68=brbinf13_el1 c69=brbsrc13_el1 c6a=brbtgt13_el1 c6c=brbinf29_el1 " +
        "c6d=brbsrc29_el1 c6e=brbtgt29_el1 c70=brbinf14_el1 c71=brbsrc14_el1 c72=brbtgt14_el1 c74=brbinf30_el1 c75=brbsrc30_el1 c76=brbtgt30_el1 " +
        "c78=brbinf15_el1 c79=brbsrc15_el1 c7a=brbtgt15_el1 c7c=brbinf31_el1 c7d=brbsrc31_el1 c7e=brbtgt31_el1 c80=brbcr_el1 c81=brbfcr_el1 " +
        "c82=brbts_el1 c88=brbinfinj_el1 c89=brbsrcinj_el1 c8a=brbtgtinj_el1 c90=brbidr0_el1 1000=teecr32_el1 1080=teehbr32_el1 1808=mdccsr_el0 " +
        "1820=dbgdtr_el0 1828=dbgdtrrx_el0 1c00=csrcr_el0 1c01=csrptr_el0 1c02=csridr_el0 1c03=csrptridx_el0 2038=dbgvcr32_el2 2400=csrcr_el2 " +
        "2401=csrptr_el2 2403=csrptridx_el2 2480=brbcr_el2 2c00=csrcr_el12 2c01=csrptr_el12 2c80=brbcr_el12 4000=midr_el1 4004=mpuir_el1 " +
        "4005=mpidr_el1 4006=revidr_el1 4008=id_pfr0_el1 4009=id_pfr1_el1 400a=id_dfr0_el1 400b=id_afr0_el1 400c=id_mmfr0_el1 400d=id_mmfr1_el1 " +
        "400e=id_mmfr2_el1 400f=id_mmfr3_el1 4010=id_isar0_el1 4011=id_isar1_el1 4012=id_isar2_el1 4013=id_isar3_el1 4014=id_isar4_el1 4015=id_isar5_el1 " +
        "4016=id_mmfr4_el1 4017=id_isar6_el1 4018=mvfr0_el1 4019=mvfr1_el1 401a=mvfr2_el1 401c=id_pfr2_el1 401d=id_dfr1_el1 401e=id_mmfr5_el1 " +
        "4020=id_aa64pfr0_el1 4021=id_aa64pfr1_el1 4024=id_aa64zfr0_el1 4025=id_aa64smfr0_el1 4028=id_aa64dfr0_el1 4029=id_aa64dfr1_el1 402c=id_aa64afr0_el1 402d=id_aa64afr1_el1 " +
        "4030=id_aa64isar0_el1 4031=id_aa64isar1_el1 4032=id_aa64isar2_el1 4038=id_aa64mmfr0_el1 4039=id_aa64mmfr1_el1 403a=id_aa64mmfr2_el1 4080=sctlr_el1 4081=actlr_el1 " +
        "4082=cpacr_el1 4085=rgsr_el1 4086=gcr_el1 4090=zcr_el1 4091=trfcr_el1 4094=smpri_el1 4096=smcr_el1 4100=ttbr0_el1 " +
        "4101=ttbr1_el1 4102=tcr_el1 4108=apiakeylo_el1 4109=apiakeyhi_el1 410a=apibkeylo_el1 410b=apibkeyhi_el1 4110=apdakeylo_el1 4111=apdakeyhi_el1 " +
        "4112=apdbkeylo_el1 4113=apdbkeyhi_el1 4118=apgakeylo_el1 4119=apgakeyhi_el1 4200=spsr_el1 4201=elr_el1 4208=sp_el0 4210=spsel " +
        "4212=currentel 4213=pan 4214=uao 4218=allint 4230=icc_pmr_el1 4288=afsr0_el1 4289=afsr1_el1 4290=esr_el1 " +
        "4298=erridr_el1 4299=errselr_el1 42a0=erxfr_el1 42a1=erxctlr_el1 42a2=erxstatus_el1 42a3=erxaddr_el1 42a4=erxpfgf_el1 42a5=erxpfgctl_el1 " +
        "42a6=erxpfgcdn_el1 42a8=erxmisc0_el1 42a9=erxmisc1_el1 42aa=erxmisc2_el1 42ab=erxmisc3_el1 42b0=tfsr_el1 42b1=tfsre0_el1 4300=far_el1 " +
        "4309=prenr_el1 4311=prselr_el1 4340=prbar_el1 4341=prlar_el1 4344=prbar1_el1 4345=prlar1_el1 4348=prbar2_el1 4349=prlar2_el1 " +
        "434c=prbar3_el1 434d=prlar3_el1 4350=prbar4_el1 4351=prlar4_el1 4354=prbar5_el1 4355=prlar5_el1 4358=prbar6_el1 4359=prlar6_el1 " +
        "435c=prbar7_el1 435d=prlar7_el1 4360=prbar8_el1 4361=prlar8_el1 4364=prbar9_el1 4365=prlar9_el1 4368=prbar10_el1 4369=prlar10_el1 " +
        "436c=prbar11_el1 436d=prlar11_el1 4370=prbar12_el1 4371=prlar12_el1 4374=prbar13_el1 4375=prlar13_el1 4378=prbar14_el1 4379=prlar14_el1 " +
        "437c=prbar15_el1 437d=prlar15_el1 43a0=par_el1 44c8=pmscr_el1 44c9=pmsnevfr_el1 44ca=pmsicr_el1 44cb=pmsirr_el1 44cc=pmsfcr_el1 " +
        "44cd=pmsevfr_el1 44ce=pmslatfr_el1 44cf=pmsidr_el1 44d0=pmblimitr_el1 44d1=pmbptr_el1 44d3=pmbsr_el1 44d7=pmbidr_el1 44d8=trblimitr_el1 " +
        "44d9=trbptr_el1 44da=trbbaser_el1 44db=trbsr_el1 44dc=trbmar_el1 44de=trbtrg_el1 44df=trbidr_el1 44f1=pmintenset_el1 44f2=pmintenclr_el1 " +
        "44f6=pmmir_el1 4510=mair_el1 4518=amair_el1 4520=lorsa_el1 4521=lorea_el1 4522=lorn_el1 4523=lorc_el1 4524=mpamidr_el1 " +
        "4527=lorid_el1 4528=mpam1_el1 4529=mpam0_el1 452b=mpamsm_el1 4600=vbar_el1 4601=rvbar_el1 4602=rmr_el1 4608=isr_el1 " +
        "4609=disr_el1 4640=icc_iar0_el1 4641=icc_eoir0_el1 4642=icc_hppir0_el1 4643=icc_bpr0_el1 4644=icc_ap0r0_el1 4645=icc_ap0r1_el1 4646=icc_ap0r2_el1 " +
        "4647=icc_ap0r3_el1 4648=icc_ap1r0_el1 4649=icc_ap1r1_el1 464a=icc_ap1r2_el1 464b=icc_ap1r3_el1 464d=icc_nmiar1_el1 4659=icc_dir_el1 465b=icc_rpr_el1 " +
        "465d=icc_sgi1r_el1 465e=icc_asgi1r_el1 465f=icc_sgi0r_el1 4660=icc_iar1_el1 4661=icc_eoir1_el1 4662=icc_hppir1_el1 4663=icc_bpr1_el1 4664=icc_ctlr_el1 " +
        "4665=icc_sre_el1 4666=icc_igrpen0_el1 4667=icc_igrpen1_el1 4681=contextidr_el1 4684=tpidr_el1 4685=accdata_el1 4687=scxtnum_el1 4708=cntkctl_el1 " +
        "4800=ccsidr_el1 4801=clidr_el1 4802=ccsidr2_el1 4804=gmid_el1 4806=smidr_el1 4807=aidr_el1 5000=csselr_el1 5801=ctr_el0 " +
        "5807=dczid_el0 5920=rndr 5921=rndrrs 5a10=nzcv 5a11=daif 5a12=svcr 5a15=dit 5a16=ssbs " +
        "5a17=tco 5a20=fpcr 5a21=fpsr 5a28=dspsr_el0 5a29=dlr_el0 5ce0=pmcr_el0 5ce1=pmcntenset_el0 5ce2=pmcntenclr_el0 " +
        "5ce3=pmovsclr_el0 5ce4=pmswinc_el0 5ce5=pmselr_el0 5ce6=pmceid0_el0 5ce7=pmceid1_el0 5ce8=pmccntr_el0 5ce9=pmxevtyper_el0 5cea=pmxevcntr_el0 " +
        "5cf0=pmuserenr_el0 5cf3=pmovsset_el0 5e82=tpidr_el0 5e83=tpidrro_el0 5e85=tpidr2_el0 5e87=scxtnum_el0 5e90=amcr_el0 5e91=amcfgr_el0 " +
        "5e92=amcgcr_el0 5e93=amuserenr_el0 5e94=amcntenclr0_el0 5e95=amcntenset0_el0 5e96=amcg1idr_el0 5e98=amcntenclr1_el0 5e99=amcntenset1_el0 5ea0=amevcntr00_el0 " +
        "5ea1=amevcntr01_el0 5ea2=amevcntr02_el0 5ea3=amevcntr03_el0 5eb0=amevtyper00_el0 5eb1=amevtyper01_el0 5eb2=amevtyper02_el0 5eb3=amevtyper03_el0 5ee0=amevcntr10_el0 " +
        "5ee1=amevcntr11_el0 5ee2=amevcntr12_el0 5ee3=amevcntr13_el0 5ee4=amevcntr14_el0 5ee5=amevcntr15_el0 5ee6=amevcntr16_el0 5ee7=amevcntr17_el0 5ee8=amevcntr18_el0 " +
        "5ee9=amevcntr19_el0 5eea=amevcntr110_el0 5eeb=amevcntr111_el0 5eec=amevcntr112_el0 5eed=amevcntr113_el0 5eee=amevcntr114_el0 5eef=amevcntr115_el0 5ef0=amevtyper10_el0 " +
        "5ef1=amevtyper11_el0 5ef2=amevtyper12_el0 5ef3=amevtyper13_el0 5ef4=amevtyper14_el0 5ef5=amevtyper15_el0 5ef6=amevtyper16_el0 5ef7=amevtyper17_el0 5ef8=amevtyper18_el0 " +
        "5ef9=amevtyper19_el0 5efa=amevtyper110_el0 5efb=amevtyper111_el0 5efc=amevtyper112_el0 5efd=amevtyper113_el0 5efe=amevtyper114_el0 5eff=amevtyper115_el0 5f00=cntfrq_el0 " +
        "5f01=cntpct_el0 5f02=cntvct_el0 5f05=cntpctss_el0 5f06=cntvctss_el0 5f10=cntp_tval_el0 5f11=cntp_ctl_el0 5f12=cntp_cval_el0 5f18=cntv_tval_el0 " +
        "5f19=cntv_ctl_el0 5f1a=cntv_cval_el0 5f40=pmevcntr0_el0 5f41=pmevcntr1_el0 5f42=pmevcntr2_el0 5f43=pmevcntr3_el0 5f44=pmevcntr4_el0 5f45=pmevcntr5_el0 " +
        "5f46=pmevcntr6_el0 5f47=pmevcntr7_el0 5f48=pmevcntr8_el0 5f49=pmevcntr9_el0 5f4a=pmevcntr10_el0 5f4b=pmevcntr11_el0 5f4c=pmevcntr12_el0 5f4d=pmevcntr13_el0 " +
        "5f4e=pmevcntr14_el0 5f4f=pmevcntr15_el0 5f50=pmevcntr16_el0 5f51=pmevcntr17_el0 5f52=pmevcntr18_el0 5f53=pmevcntr19_el0 5f54=pmevcntr20_el0 5f55=pmevcntr21_el0 " +
        "5f56=pmevcntr22_el0 5f57=pmevcntr23_el0 5f58=pmevcntr24_el0 5f59=pmevcntr25_el0 5f5a=pmevcntr26_el0 5f5b=pmevcntr27_el0 5f5c=pmevcntr28_el0 5f5d=pmevcntr29_el0 " +
        "5f5e=pmevcntr30_el0 5f60=pmevtyper0_el0 5f61=pmevtyper1_el0 5f62=pmevtyper2_el0 5f63=pmevtyper3_el0 5f64=pmevtyper4_el0 5f65=pmevtyper5_el0 5f66=pmevtyper6_el0 " +
        "5f67=pmevtyper7_el0 5f68=pmevtyper8_el0 5f69=pmevtyper9_el0 5f6a=pmevtyper10_el0 5f6b=pmevtyper11_el0 5f6c=pmevtyper12_el0 5f6d=pmevtyper13_el0 5f6e=pmevtyper14_el0 " +
        "5f6f=pmevtyper15_el0 5f70=pmevtyper16_el0 5f71=pmevtyper17_el0 5f72=pmevtyper18_el0 5f73=pmevtyper19_el0 5f74=pmevtyper20_el0 5f75=pmevtyper21_el0 5f76=pmevtyper22_el0 " +
        "5f77=pmevtyper23_el0 5f78=pmevtyper24_el0 5f79=pmevtyper25_el0 5f7a=pmevtyper26_el0 5f7b=pmevtyper27_el0 5f7c=pmevtyper28_el0 5f7d=pmevtyper29_el0 5f7e=pmevtyper30_el0 " +
        "5f7f=pmccfiltr_el0 6000=vpidr_el2 6004=mpuir_el2 6005=vmpidr_el2 6080=sctlr_el2 6081=actlr_el2 6088=hcr_el2 6089=mdcr_el2 " +
        "608a=cptr_el2 608b=hstr_el2 608c=hfgrtr_el2 608d=hfgwtr_el2 608e=hfgitr_el2 608f=hacr_el2 6090=zcr_el2 6091=trfcr_el2 " +
        "6092=hcrx_el2 6095=smprimap_el2 6096=smcr_el2 6099=sder32_el2 6100=ttbr0_el2 6101=ttbr1_el2 6102=tcr_el2 6108=vttbr_el2 " +
        "610a=vtcr_el2 6110=vncr_el2 6130=vsttbr_el2 6132=vstcr_el2 6180=dacr32_el2 618c=hdfgrtr_el2 618d=hdfgwtr_el2 618e=hafgrtr_el2 " +
        "6200=spsr_el2 6201=elr_el2 6208=sp_el1 6218=spsr_irq 6219=spsr_abt 621a=spsr_und 621b=spsr_fiq 6281=ifsr32_el2 " +
        "6288=afsr0_el2 6289=afsr1_el2 6290=esr_el2 6293=vsesr_el2 6298=fpexc32_el2 62b0=tfsr_el2 6300=far_el2 6304=hpfar_el2 " +
        "6309=prenr_el2 6311=prselr_el2 6340=prbar_el2 6341=prlar_el2 6344=prbar1_el2 6345=prlar1_el2 6348=prbar2_el2 6349=prlar2_el2 " +
        "634c=prbar3_el2 634d=prlar3_el2 6350=prbar4_el2 6351=prlar4_el2 6354=prbar5_el2 6355=prlar5_el2 6358=prbar6_el2 6359=prlar6_el2 " +
        "635c=prbar7_el2 635d=prlar7_el2 6360=prbar8_el2 6361=prlar8_el2 6364=prbar9_el2 6365=prlar9_el2 6368=prbar10_el2 6369=prlar10_el2 " +
        "636c=prbar11_el2 636d=prlar11_el2 6370=prbar12_el2 6371=prlar12_el2 6374=prbar13_el2 6375=prlar13_el2 6378=prbar14_el2 6379=prlar14_el2 " +
        "637c=prbar15_el2 637d=prlar15_el2 64c8=pmscr_el2 6510=mair_el2 6518=amair_el2 6520=mpamhcr_el2 6521=mpamvpmv_el2 6528=mpam2_el2 " +
        "6530=mpamvpm0_el2 6531=mpamvpm1_el2 6532=mpamvpm2_el2 6533=mpamvpm3_el2 6534=mpamvpm4_el2 6535=mpamvpm5_el2 6536=mpamvpm6_el2 6537=mpamvpm7_el2 " +
        "6600=vbar_el2 6601=rvbar_el2 6602=rmr_el2 6609=vdisr_el2 6640=ich_ap0r0_el2 6641=ich_ap0r1_el2 6642=ich_ap0r2_el2 6643=ich_ap0r3_el2 " +
        "6648=ich_ap1r0_el2 6649=ich_ap1r1_el2 664a=ich_ap1r2_el2 664b=ich_ap1r3_el2 664d=icc_sre_el2 6658=ich_hcr_el2 6659=ich_vtr_el2 665a=ich_misr_el2 " +
        "665b=ich_eisr_el2 665d=ich_elrsr_el2 665f=ich_vmcr_el2 6660=ich_lr0_el2 6661=ich_lr1_el2 6662=ich_lr2_el2 6663=ich_lr3_el2 6664=ich_lr4_el2 " +
        "6665=ich_lr5_el2 6666=ich_lr6_el2 6667=ich_lr7_el2 6668=ich_lr8_el2 6669=ich_lr9_el2 666a=ich_lr10_el2 666b=ich_lr11_el2 666c=ich_lr12_el2 " +
        "666d=ich_lr13_el2 666e=ich_lr14_el2 666f=ich_lr15_el2 6681=contextidr_el2 6682=tpidr_el2 6687=scxtnum_el2 66c0=amevcntvoff00_el2 66c1=amevcntvoff01_el2 " +
        "66c2=amevcntvoff02_el2 66c3=amevcntvoff03_el2 66c4=amevcntvoff04_el2 66c5=amevcntvoff05_el2 66c6=amevcntvoff06_el2 66c7=amevcntvoff07_el2 66c8=amevcntvoff08_el2 66c9=amevcntvoff09_el2 " +
        "66ca=amevcntvoff010_el2 66cb=amevcntvoff011_el2 66cc=amevcntvoff012_el2 66cd=amevcntvoff013_el2 66ce=amevcntvoff014_el2 66cf=amevcntvoff015_el2 66d0=amevcntvoff10_el2 66d1=amevcntvoff11_el2 " +
        "66d2=amevcntvoff12_el2 66d3=amevcntvoff13_el2 66d4=amevcntvoff14_el2 66d5=amevcntvoff15_el2 66d6=amevcntvoff16_el2 66d7=amevcntvoff17_el2 66d8=amevcntvoff18_el2 66d9=amevcntvoff19_el2 " +
        "66da=amevcntvoff110_el2 66db=amevcntvoff111_el2 66dc=amevcntvoff112_el2 66dd=amevcntvoff113_el2 66de=amevcntvoff114_el2 66df=amevcntvoff115_el2 6703=cntvoff_el2 6706=cntpoff_el2 " +
        "6708=cnthctl_el2 6710=cnthp_tval_el2 6711=cnthp_ctl_el2 6712=cnthp_cval_el2 6718=cnthv_tval_el2 6719=cnthv_ctl_el2 671a=cnthv_cval_el2 6720=cnthvs_tval_el2 " +
        "6721=cnthvs_ctl_el2 6722=cnthvs_cval_el2 6728=cnthps_tval_el2 6729=cnthps_ctl_el2 672a=cnthps_cval_el2 6880=sctlr_el12 6882=cpacr_el12 6890=zcr_el12 " +
        "6891=trfcr_el12 6896=smcr_el12 6900=ttbr0_el12 6901=ttbr1_el12 6902=tcr_el12 6a00=spsr_el12 6a01=elr_el12 6a88=afsr0_el12 " +
        "6a89=afsr1_el12 6a90=esr_el12 6ab0=tfsr_el12 6b00=far_el12 6cc8=pmscr_el12 6d10=mair_el12 6d18=amair_el12 6d28=mpam1_el12 " +
        "6e00=vbar_el12 6e81=contextidr_el12 6e87=scxtnum_el12 6f08=cntkctl_el12 6f10=cntp_tval_el02 6f11=cntp_ctl_el02 6f12=cntp_cval_el02 6f18=cntv_tval_el02 " +
        "6f19=cntv_ctl_el02 6f1a=cntv_cval_el02 7080=sctlr_el3 7081=actlr_el3 7088=scr_el3 7089=sder32_el3 708a=cptr_el3 7090=zcr_el3 " +
        "7096=smcr_el3 7099=mdcr_el3 7100=ttbr0_el3 7102=tcr_el3 710c=gptbr_el3 710e=gpccr_el3 7200=spsr_el3 7201=elr_el3 " +
        "7208=sp_el2 7288=afsr0_el3 7289=afsr1_el3 7290=esr_el3 72b0=tfsr_el3 7300=far_el3 7305=mfar_el3 7510=mair_el3 " +
        "7518=amair_el3 7528=mpam3_el3 7600=vbar_el3 7601=rvbar_el3 7602=rmr_el3 7664=icc_ctlr_el3 7665=icc_sre_el3 7667=icc_igrpen1_el3 " +
        "7682=tpidr_el3 7687=scxtnum_el3 7f10=cntps_tval_el1 7f11=cntps_ctl_el1 7f12=cntps_cval_el1";

    // key = op1:CRn:CRm:op2 (14 bits) = mnemonic operation; a trailing '!' means objdump prints no register.
    const string SystemOperationTable =
        "388=ic.ialluis! 3a8=ic.iallu! 3b1=dc.ivac 3b2=dc.isw 3b3=dc.igvac 3b4=dc.igsw " +
        "3b5=dc.igdvac 3b6=dc.igdsw 3c0=at.s1e1r 3c1=at.s1e1w 3c2=at.s1e0r 3c3=at.s1e0w " +
        "3c8=at.s1e1rp 3c9=at.s1e1wp 3d2=dc.csw 3d4=dc.cgsw 3d6=dc.cgdsw 3f2=dc.cisw " +
        "3f4=dc.cigsw 3f6=dc.cigdsw 408=tlbi.vmalle1os! 409=tlbi.vae1os 40a=tlbi.aside1os 40b=tlbi.vaae1os " +
        "40d=tlbi.vale1os 40f=tlbi.vaale1os 411=tlbi.rvae1is 413=tlbi.rvaae1is 415=tlbi.rvale1is 417=tlbi.rvaale1is " +
        "418=tlbi.vmalle1is! 419=tlbi.vae1is 41a=tlbi.aside1is 41b=tlbi.vaae1is 41d=tlbi.vale1is 41f=tlbi.vaale1is " +
        "429=tlbi.rvae1os 42b=tlbi.rvaae1os 42d=tlbi.rvale1os 42f=tlbi.rvaale1os 431=tlbi.rvae1 433=tlbi.rvaae1 " +
        "435=tlbi.rvale1 437=tlbi.rvaale1 438=tlbi.vmalle1! 439=tlbi.vae1 43a=tlbi.aside1 43b=tlbi.vaae1 " +
        "43d=tlbi.vale1 43f=tlbi.vaale1 1b9c=cfp.rctx 1b9d=dvp.rctx 1b9f=cpp.rctx 1ba1=dc.zva " +
        "1ba3=dc.gva 1ba4=dc.gzva 1ba9=ic.ivau 1bd1=dc.cvac 1bd3=dc.cgvac 1bd5=dc.cgdvac " +
        "1bd9=dc.cvau 1be1=dc.cvap 1be3=dc.cgvap 1be5=dc.cgdvap 1be9=dc.cvadp 1beb=dc.cgvadp " +
        "1bed=dc.cgdvadp 1bf1=dc.civac 1bf3=dc.cigvac 1bf5=dc.cigdvac 23c0=at.s1e2r 23c1=at.s1e2w " +
        "23c4=at.s12e1r 23c5=at.s12e1w 23c6=at.s12e0r 23c7=at.s12e0w 2401=tlbi.ipas2e1is 2402=tlbi.ripas2e1is " +
        "2405=tlbi.ipas2le1is 2406=tlbi.ripas2le1is 2408=tlbi.alle2os! 2409=tlbi.vae2os 240c=tlbi.alle1os! 240d=tlbi.vale2os " +
        "240e=tlbi.vmalls12e1os! 2411=tlbi.rvae2is 2415=tlbi.rvale2is 2418=tlbi.alle2is! 2419=tlbi.vae2is 241c=tlbi.alle1is! " +
        "241d=tlbi.vale2is 241e=tlbi.vmalls12e1is! 2420=tlbi.ipas2e1os 2421=tlbi.ipas2e1 2422=tlbi.ripas2e1 2423=tlbi.ripas2e1os " +
        "2424=tlbi.ipas2le1os 2425=tlbi.ipas2le1 2426=tlbi.ripas2le1 2427=tlbi.ripas2le1os 2429=tlbi.rvae2os 242d=tlbi.rvale2os " +
        "2431=tlbi.rvae2 2435=tlbi.rvale2 2438=tlbi.alle2! 2439=tlbi.vae2 243c=tlbi.alle1! 243d=tlbi.vale2 " +
        "243e=tlbi.vmalls12e1! 33c0=at.s1e3r 33c1=at.s1e3w 33f1=dc.cipapa 33f5=dc.cigdpapa 3408=tlbi.alle3os! " +
        "3409=tlbi.vae3os 340c=tlbi.paallos! 340d=tlbi.vale3os 3411=tlbi.rvae3is 3415=tlbi.rvale3is 3418=tlbi.alle3is! " +
        "3419=tlbi.vae3is 341d=tlbi.vale3is 3423=tlbi.rpaos 3427=tlbi.rpalos 3429=tlbi.rvae3os 342d=tlbi.rvale3os " +
        "3431=tlbi.rvae3 3435=tlbi.rvale3 3438=tlbi.alle3! 3439=tlbi.vae3 343c=tlbi.paall! 343d=tlbi.vale3";
}
