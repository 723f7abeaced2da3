# Sprout - build, run, debug and test.
#
#   make            kernel ELF, GRUB ISO and ext2 disk image, in build/
#   make run        boot the ISO in QEMU (a window if there is a display,
#                   this terminal otherwise)
#   make qemu-nox   boot the ISO in this terminal (quit: Ctrl-A then X)
#   make qemu-gdb   boot stopped, waiting for gdb (see docs/debugging.md)
#   make gdb        in a second terminal: gdb, connected to that QEMU
#   make test       make lint, host unit tests, then tests in the guest
#   make lint       check the kernel's layering (docs/architecture.md)
#   make crash-test N=500 [SEED=s]   cut the power at N points of a write
#                   storm and check the disk each time (docs/crashtest.md)
#   make fuzz CALLS=1000000   the long system-call fuzz (docs/fuzz.md)
#   make grade LAB=name   grade a lab (docs/labs/); make grade lists them
#   make handout OUT=dir  the students' tree: no labs/solutions/
#   make clean
#
#   APPEND="..."    the kernel command line of run, qemu-nox and qemu-gdb
#   NET=1           those get a network card (QEMU's e1000, restricted
#                   user network); HOSTFWD="8080:80 7777:7" forwards host
#                   ports on 127.0.0.1 (default: free ones to 7 and 80),
#                   PCAP=file.pcap captures its frames (tools/qemu_net.py)
#   BOOT=kernel     those boot the kernel ELF with QEMU's -kernel, not GRUB

# Tools not on the PATH of ordinary users on Debian.
export PATH := $(PATH):/usr/sbin:/sbin

# A missing tool? Install everything with tools/deps.sh, and say so.
ifeq ($(filter clean,$(MAKECMDGOALS)),)
MISSING := $(shell tools/deps.sh --check)
ifneq ($(MISSING),)
$(info make: missing $(MISSING); running tools/deps.sh to install them)
DEPS_STATUS := $(shell tools/deps.sh >&2; echo $$?)
ifneq ($(DEPS_STATUS),0)
$(error tools/deps.sh failed; install the packages it names by hand)
endif
endif
endif

# The cross compiler: i686-elf- if you have one, else Debian's i686-linux-gnu-.
CROSS ?= $(shell if command -v i686-elf-gcc >/dev/null 2>&1; then echo i686-elf-; \
	else echo i686-linux-gnu-; fi)
CC      = $(CROSS)gcc
LD      = $(CROSS)ld
NM      = $(CROSS)nm
STRIP   = $(CROSS)strip
HOSTCC ?= cc
PYTHON ?= python3
QEMU   ?= qemu-system-i386

B = build
# The ext2 disk image that make builds and QEMU boots with; DISK=path for
# another one (make image EXTRA=dir DISK=mine.img leaves $(B)/disk.img be).
DISK = $(B)/disk.img
.DEFAULT_GOAL := all

# -mgeneral-regs-only: the kernel never touches FPU/SSE registers, so it
# need not save them on every trap. -fno-omit-frame-pointer: backtraces.
KCFLAGS = -m32 -march=i686 -std=gnu11 -O2 -g -ffreestanding -fno-pie -fno-pic \
	-fno-stack-protector -fno-omit-frame-pointer -fno-strict-aliasing \
	-fno-asynchronous-unwind-tables -fno-optimize-sibling-calls -mgeneral-regs-only \
	-Wall -Wextra -Wno-unused-parameter -Werror=implicit-function-declaration \
	-Ikernel -Ikernel/include/uapi
KLDFLAGS = -m elf_i386 -T kernel/kernel.ld -z max-page-size=4096 -z noexecstack
LIBGCC = $(shell $(CC) -m32 -print-libgcc-file-name)

KSRC = $(wildcard kernel/*/*.c)
KASM = boot/head.S $(wildcard kernel/*/*.S)
KOBJS = $(patsubst %.S,$(B)/%.o,$(KASM)) $(patsubst %.c,$(B)/%.o,$(KSRC))

# Each area's own rules (they add to DISK_INSTALL, see the disk image).
DISK_INSTALL :=
include tests/host/host.mk
-include libc/libc.mk
-include user/user.mk
-include tests/glibc/glibc.mk
-include tests/busybox/busybox.mk
-include labs/labs.mk

.PHONY: all run qemu-nox qemu-gdb gdb test lint clean image bench bench-linux kprof crash-test fuzz FORCE
all: $(B)/kernel.elf $(B)/sprout.iso $(DISK)

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(KCFLAGS) -MMD -MP -c $< -o $@

$(B)/%.o: %.S
	@mkdir -p $(dir $@)
	$(CC) $(KCFLAGS) -MMD -MP -c $< -o $@

# The kernel is linked twice: the first link tells tools/ksyms.py where
# every function is; the second includes that table, so that panic() can
# print function names. Text addresses must not move between the links.
$(B)/ksyms0.S: tools/ksyms.py
	@mkdir -p $(B)
	$(PYTHON) tools/ksyms.py < /dev/null > $@
$(B)/kernel.pass1.elf: $(KOBJS) $(B)/ksyms0.o kernel/kernel.ld
	$(LD) $(KLDFLAGS) -o $@ $(KOBJS) $(B)/ksyms0.o $(LIBGCC)
$(B)/ksyms.S: $(B)/kernel.pass1.elf tools/ksyms.py
	$(NM) -n $< | $(PYTHON) tools/ksyms.py > $@
$(B)/kernel.elf: $(KOBJS) $(B)/ksyms.o
	$(LD) $(KLDFLAGS) -o $@ $(KOBJS) $(B)/ksyms.o $(LIBGCC)
	@$(NM) -n $(B)/kernel.pass1.elf | grep ' [Tt] ' > $(B)/syms.pass1
	@$(NM) -n $@ | grep ' [Tt] ' > $(B)/syms.pass2
	@cmp -s $(B)/syms.pass1 $(B)/syms.pass2 || \
		{ echo "kernel text moved between links"; rm -f $@; exit 1; }

# The kernel command line of make's boots: make run APPEND="init=/bin/hello a".
# It is remembered in a file that changes only when APPEND does, so that
# the ISO is rebuilt with each new command line, and only then.
APPEND ?=
$(B)/append: FORCE
	@mkdir -p $(B)
	@echo '$(APPEND)' | cmp -s - $@ || echo '$(APPEND)' > $@

# GRUB passes the words after the kernel's path on its multiboot line.
$(B)/grub.cfg: boot/grub.cfg $(B)/append
	awk 'NR == FNR { append = $$0; next } \
		/^\tmultiboot / && append != "" { $$0 = $$0 " " append } 1' \
		$(B)/append boot/grub.cfg > $@

# The GRUB ISO: grub.cfg plus the kernel, made bootable by grub-mkrescue.
# The kernel goes in stripped: GRUB reads the whole file through the
# BIOS, and four fifths of the ELF are debugging information for gdb
# (which reads them from $(B)/kernel.elf).
$(B)/sprout.iso: $(B)/kernel.elf $(B)/grub.cfg
	@mkdir -p $(B)/iso/boot/grub
	cp $(B)/grub.cfg $(B)/iso/boot/grub/grub.cfg
	$(STRIP) -o $(B)/iso/boot/sprout.elf $(B)/kernel.elf
	grub-mkrescue -o $@ $(B)/iso 2> $(B)/grub-mkrescue.log || \
		{ cat $(B)/grub-mkrescue.log; exit 1; }

# The ext2 disk, made by mke2fs -d from a staging folder (see docs/ext2.md).
# Fragments add "built-file:path-on-disk" pairs to DISK_INSTALL (mode 755),
# or "built-file:path-on-disk:mode" triples.
# EXTRA=dir adds dir's files to the image too: make image EXTRA=mytests
# (fragments add such folders, made by a stamp's rule, to DISK_TREES).
# FS=ext2 makes a disk without a journal (docs/journal.md): ext3 by default.
DISK_SIZE ?= 64M
FS ?= ext3
EXTRA ?=
STAGE = $(B)/root
MKE2FS_OPTS = -q -t $(FS) -b 1024 -I 128 -r 1 -m 0 \
	-O ^dir_index,^ext_attr,^resize_inode -E root_owner=0:0
DISK_SRCS = $(foreach p,$(DISK_INSTALL),$(firstword $(subst :, ,$(p))))
# Programs go onto the disk without their debug sections, as Debian ships
# them: gdb reads those from the copies in $(B)/, and the tests fit.
# The size and type are remembered in a file that changes only when they
# do, so that make DISK_SIZE=128M (or FS=ext2, BUSYBOX=1) rebuilds the image.
$(B)/disk-size: FORCE
	@mkdir -p $(B)
	@echo $(DISK_SIZE) $(FS) $(BUSYBOX) | cmp -s - $@ || \
		echo $(DISK_SIZE) $(FS) $(BUSYBOX) > $@
FORCE:
$(DISK): $(DISK_SRCS) $(if $(EXTRA),$(shell find $(EXTRA))) Makefile \
		tools/mkdevs.sh $(B)/disk-size $(DISK_TREE_STAMPS)
	rm -rf $(STAGE) && mkdir -p $(STAGE)
	cd $(STAGE) && mkdir -p bin sbin etc dev tmp home/student root proc
	for p in $(DISK_INSTALL); do \
		src=$${p%%:*}; dst=$${p#*:}; mode=755; \
		case $$dst in *:*) mode=$${dst#*:}; dst=$${dst%%:*};; esac; \
		install -D -m $$mode "$$src" "$(STAGE)/$$dst" || exit 1; \
		if [ "$$(head -c 4 "$$src" | od -An -c | tr -d ' ')" = 177ELF ]; \
		then $(STRIP) --strip-debug "$(STAGE)/$$dst" || exit 1; fi; \
	done
	for d in $(DISK_TREES) $(EXTRA); do cp -r $$d/. $(STAGE)/ || exit 1; done
	rm -f $@
	mke2fs $(MKE2FS_OPTS) -d $(STAGE) -F $@ $(DISK_SIZE) 2>&1 | \
		grep -v 'dates beyond 2038' || true
	tools/mkdevs.sh $@
image: $(DISK)

# QEMU. TCG by default: KVM cannot run Sprout's paged 32-bit guest on the
# machines we know (see README). ACCEL=kvm to try anyway.
ACCEL ?= tcg
MEM ?= 128M
# -nic none unless NET=1 (or PCAP=): then tools/qemu_net.py gives the
# card, its forwards (printed) and the capture, once per make.
NET ?=
HOSTFWD ?=
PCAP ?=
ifneq ($(NET)$(PCAP),)
ifneq ($(filter run qemu-nox qemu-gdb,$(MAKECMDGOALS)),)
QEMU_NIC := $(shell $(PYTHON) tools/qemu_net.py $(if $(HOSTFWD),--hostfwd \
	'$(HOSTFWD)') $(if $(PCAP),--pcap '$(PCAP)'))
endif
else
QEMU_NIC = -nic none
endif
QEMU_COMMON = -accel $(ACCEL) -m $(MEM) -no-reboot $(QEMU_NIC) \
	-drive file=$(DISK),format=raw,if=ide,index=0
# BOOT=kernel: QEMU loads the kernel ELF itself (-kernel), skipping GRUB.
BOOT ?= iso
QEMU_BOOT_iso = -cdrom $(B)/sprout.iso -boot d
QEMU_BOOT_kernel = -kernel $(B)/kernel.elf -append '$(APPEND)'
QEMU_BOOT = $(QEMU_COMMON) $(QEMU_BOOT_$(BOOT))
GDBPORT ?= $(shell expr `id -u` % 5000 + 25000)

run: all
	@if [ -n "$$DISPLAY" ]; then \
		echo "Booting Sprout in a QEMU window (serial console here too)."; \
		$(QEMU) $(QEMU_BOOT) -serial mon:stdio; \
	else \
		echo "Booting Sprout in this terminal. Quit: Ctrl-A then X."; \
		$(QEMU) $(QEMU_BOOT) -nographic; \
	fi; true

qemu-nox: all
	@echo "Quit: Ctrl-A then X."
	$(QEMU) $(QEMU_BOOT) -nographic; true

# What to type in the second terminal: make gdb, with the same B= and
# GDBPORT= as this make if they are not the defaults.
GDB_CMD = make gdb$(if $(filter-out build,$(B)), B=$(B))$(if \
	$(filter-out file,$(origin GDBPORT)), GDBPORT=$(GDBPORT))

# .gdbinit is written anew each time, for the port this QEMU listens on.
qemu-gdb: all
	@sed -e "s/GDBPORT/$(GDBPORT)/" -e "s|BUILD|$(B)|" tools/gdbinit.tmpl > .gdbinit
	@echo "QEMU is stopped, waiting for gdb on port $(GDBPORT)."
	@echo "In another terminal, in $(CURDIR), type:"
	@echo "    $(GDB_CMD)"
	@echo "(Plain gdb reads .gdbinit only after a one-time step, see docs/debugging.md:"
	@echo "    mkdir -p ~/.config/gdb; echo 'add-auto-load-safe-path $(CURDIR)/.gdbinit' >> ~/.config/gdb/gdbinit)"
	$(QEMU) $(QEMU_BOOT) -nographic -S -gdb tcp::$(GDBPORT); true

# PROG=build/user/hello also loads that user program's symbols, at the
# addresses it was linked at (see docs/debugging.md).
gdb:
	@sed -e "s/GDBPORT/$(GDBPORT)/" -e "s|BUILD|$(B)|" tools/gdbinit.tmpl > .gdbinit
	gdb -q -iex 'add-auto-load-safe-path $(CURDIR)/.gdbinit'$(if $(PROG), -ex 'add-symbol-file $(PROG)')

# The layering of docs/architecture.md, and no declarations in .c files.
lint:
	@$(PYTHON) tools/lint.py

test: lint all $(HOST_TESTS)
	B=$(B) $(PYTHON) tests/run.py

# The crash tests' long run, for nights; make test runs 20 points.
# SEED=s repeats a run; AT=n cuts at write n only (docs/crashtest.md).
crash-test: all
	B=$(B) $(PYTHON) tests/guest_crash.py $(if $(N),--points $(N)) \
		$(if $(SEED),--seed $(SEED)) $(if $(AT),--at $(AT))

# The long fuzz (docs/fuzz.md): make fuzz CALLS=1000000 [SEED=] [CHILDREN=]
fuzz: all
	B=$(B) $(PYTHON) tests/fuzz.py --calls $(or $(CALLS),1000000) \
		$(if $(SEED),--seed $(SEED)) $(if $(CHILDREN),--children $(CHILDREN))

# Figures under -icount shift=0 (see tests/bench.py); not timed tests.
bench: all
	B=$(B) $(PYTHON) tests/bench.py

# Where the kernel's instructions go while a command runs (tools/kprof):
# make kprof ARGS='bench fsread'   or   make kprof ARGS='-- cat /bin/sh'
kprof: all
	B=$(B) $(PYTHON) tools/kprof $(ARGS)

# The same figures on Linux 6.1 beside Sprout's (docs/performance.md):
# fetches Debian's i386 kernel package into $(B)/benchlinux once; DOC=1
# also writes the table into docs/performance.md.
bench-linux: all
	B=$(B) $(PYTHON) tools/benchlinux/bench_linux.py $(if $(DOC),--doc)

clean:
	rm -rf $(B) .gdbinit

-include $(shell find $(B) -name '*.d' 2>/dev/null)
