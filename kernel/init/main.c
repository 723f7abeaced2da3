/*
 * main(): the kernel's C entry point, called by boot/head.S with paging on
 * and the stack in task 0's task_union. Like Linux 0.11's init/main.c, it
 * brings the subsystems up one at a time, in an order where each step only
 * needs the ones before it, and prints a line for each so you can watch.
 */
#include "init/init.h"
#include "entry/entry.h"
#include "procfs/procfs.h"
#include "proc/proc.h"
#include "net/net.h"
#include "dev/dev.h"
#include "fs/fs.h"
#include "block/block.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"

#define SPROUT_VERSION "0.1"

static int step_no;

static void step(const char *what)
{
	printk("[init %2d] %s\n", ++step_no, what);
}

void main(uint32_t magic, uint32_t mbi_phys)
{
	console_init();
	printk("\nSprout " SPROUT_VERSION " - a teaching Unix kernel for i386\n");
	step("console: VGA text screen and COM1 serial port");

	multiboot_parse(magic, mbi_phys);
	printk("         loaded by %s, command line \"%s\"\n",
	       boot_info.loader[0] ? boot_info.loader : "?", boot_info.cmdline);
	step("boot info: multiboot memory map and command line");

	tss_init();
	idt_init();
	fpu_init();
	umip_init();
	step("traps: TSS loaded, IDT with 32 exception gates; FPU and SSE on");

	mem_init(&boot_info);
	step("memory: page frames, kernel page tables, kmalloc");

	pic_init();
	step("interrupts: 8259 PIC remapped to vectors 32-47");

	sched_init();
	rlimit_init();          /* the limits every task inherits */
	oom_init();
	if (cmdline_get("strace"))
		syscall_trace_init();
	step("scheduler: task table, main() becomes idle task 0");

	timer_init(do_timer);
	clock_init();
	printk("         TSC runs at %u MHz\n", tsc_mhz());
	step("timer: PIT channel 0 at 100 Hz, TSC calibrated");

	keyboard_init();
	serial_enable_input();
	mem_dev_init();
	proc_fs_init();
	pci_init();
	ide_pci_init(cmdline_get("nodma") != NULL);
	blk_crash_after(cmdline_uint("crashafter"));
	net_init(cmdline_get("netfault"), cmdline_get("ip"));
	step("devices: PS/2 keyboard and COM1 input, /dev/null, /dev/zero, PCI");

	sti();
	step("interrupts enabled");
	printk("Sprout is up: %u pages free.\n", nr_free_pages());

	run_ktest();
	kernel_thread(init_process);
	kernel_thread(bdflush);
	kernel_thread(netd);
	step("process 1 started: mounting the root, then init");
	cpu_idle();
}
