# User programs: built with tools/kcc against our libc, installed on the
# disk image.
#
#   user/bin/NAME.c     a one-file utility           -> /bin/NAME
#   user/sbin/NAME.c    a system program (init ...)   -> /sbin/NAME
#   user/NAME/*.c       a program of several files    -> /bin/NAME
#                       (the shell, user/sh/; its own headers beside it)
#   user/hello.c        /bin/hello, a small exec target for tests
#   user/bench.c        /bin/bench, what make bench runs
#
# A program built from more than its own file names the others as
# prerequisites: /bin/echo is the shell's echo builtin with a main of its
# own, so "$(B)/user/bin/echo: user/sh/echo.c" (see user/sh/sh.mk).
KCC = B=$(B) CC=$(CC) tools/kcc
USER_CFLAGS = -O2 -g -Wall -Wextra
USER_DEPS = $(B)/libc/libc.a $(B)/libc/crt0.o tools/kcc \
	$(wildcard libc/include/*.h libc/include/sys/*.h libc/include/bits/*.h \
	kernel/include/uapi/sprout/*.h)

$(B)/user/%: user/%.c $(USER_DEPS)
	@mkdir -p $(dir $@)
	$(KCC) $(USER_CFLAGS) -o $@ $(filter %.c,$^)

-include $(wildcard user/*/*.mk)

USER_BIN = $(patsubst user/bin/%.c,%,$(wildcard user/bin/*.c))
USER_SBIN = $(patsubst user/sbin/%.c,%,$(wildcard user/sbin/*.c))
USER_MULTI = $(filter-out bin sbin,$(patsubst user/%/,%,$(dir $(wildcard user/*/*.c))))

define multi_file_program
$(B)/user/$(1): $(wildcard user/$(1)/*.c user/$(1)/*.h) $(USER_DEPS)
	@mkdir -p $$(dir $$@)
	$$(KCC) $$(USER_CFLAGS) -o $$@ $(wildcard user/$(1)/*.c)
endef
$(foreach p,$(sort $(USER_MULTI)),$(eval $(call multi_file_program,$(p))))

DISK_INSTALL += $(foreach p,$(USER_BIN),$(B)/user/bin/$(p):bin/$(p)) \
	$(foreach p,$(USER_SBIN),$(B)/user/sbin/$(p):sbin/$(p)) \
	$(foreach p,$(sort $(USER_MULTI)),$(B)/user/$(p):bin/$(p)) \
	$(B)/user/hello:bin/hello

# Process tests, tests/user/t_*.c -> /bin/tests/t_*. Each runs its cases,
# printing "ok <case>" or "FAIL <case> -- <why>"; tests/guest_user.py boots
# the kernel with init=/bin/tests/<name> for each. Two files give exec
# something it must refuse: not-elf (text, mode 755) and no-x (mode 644).
# C-library tests, tests/user/l_*.c, are built the same way and run by
# tests/guest_libc.py; so are the network tests that need the card,
# tests/user/n_*.c, run by tests/guest_ip.py and tests/guest_nic.py.
USER_TESTS = $(patsubst tests/user/%.c,%,$(wildcard tests/user/t_*.c))
NET_TESTS = $(patsubst tests/user/%.c,%,$(wildcard tests/user/n_*.c))
LIBC_TESTS = $(patsubst tests/user/%.c,%,$(wildcard tests/user/l_*.c))

$(B)/user/tests/%: tests/user/%.c tests/user/check.c tests/user/check.h \
		$(USER_DEPS)
	@mkdir -p $(dir $@)
	$(KCC) $(USER_CFLAGS) -o $@ $< tests/user/check.c

DISK_INSTALL += $(foreach t,$(USER_TESTS) $(LIBC_TESTS) $(NET_TESTS),$(B)/user/tests/$(t):bin/tests/$(t)) \
	tests/user/not-elf.txt:bin/tests/not-elf \
	tests/user/not-elf.txt:bin/tests/no-x:644

# File-system tests, tests/user/f_*.c -> /bin/tests/f_*: same output
# format, their own helpers in f_test.h; they work under /tmp.
FILE_TESTS = $(patsubst tests/user/%.c,%,$(wildcard tests/user/f_*.c))

$(B)/user/tests/f_%: tests/user/f_%.c tests/user/f_test.h $(USER_DEPS)
	@mkdir -p $(dir $@)
	$(KCC) $(USER_CFLAGS) -o $@ $<

DISK_INSTALL += $(foreach t,$(FILE_TESTS),$(B)/user/tests/$(t):bin/tests/$(t))

# The course's example programs, tests/user/lecture_*.c -> /bin/tests/
# lecture_*: plain POSIX C as the lecture shows it, without check.h.
# tests/guest_lecture.py runs each on this Linux machine and on Sprout,
# and compares what they print.
LECTURE_PROGS = $(patsubst tests/user/%.c,%,$(wildcard tests/user/lecture_*.c))

$(B)/user/tests/lecture_%: tests/user/lecture_%.c $(USER_DEPS)
	@mkdir -p $(dir $@)
	$(KCC) $(USER_CFLAGS) -o $@ $<

DISK_INSTALL += $(foreach t,$(LECTURE_PROGS),$(B)/user/tests/$(t):bin/tests/$(t))

# Terminal tests, tests/user/tty_*.c -> /bin/tests/tty_*: same output
# format; tests/guest_tty.py types at them over the serial line.
TTY_TESTS = $(patsubst tests/user/%.c,%,$(wildcard tests/user/tty_*.c))
DISK_INSTALL += $(foreach t,$(TTY_TESTS),$(B)/user/tests/$(t):bin/tests/$(t))

# make bench runs /bin/bench (user/bench.c); /bin/true is what it execs.
DISK_INSTALL += $(B)/user/bench:bin/bench

# tests/guest_flush.py: a file written without fsync must reach the disk.
DISK_INSTALL += $(B)/user/tests/flush_check:bin/tests/flush_check

# tests/guest_gdb.py: the process gdb stops and looks at, and the
# script that gives each stop of docs/README.md's tour its events.
DISK_INSTALL += $(B)/user/tests/gdb_target:bin/tests/gdb_target \
	tests/user/tour.sh:bin/tests/tour.sh

# tests/guest_reboot.py: reboot(2) checks, then a power-off that syncs.
DISK_INSTALL += $(B)/user/tests/reboot_check:bin/tests/reboot_check

# tests/guest_orphan.py: an open file unlinked, then the machine stops.
DISK_INSTALL += $(B)/user/tests/orphan_check:bin/tests/orphan_check

# tests/guest_disk.py: large files through DMA and PIO, checked.
DISK_INSTALL += $(B)/user/tests/disk_check:bin/tests/disk_check

# tests/guest_crash.py: the write storm whose power is cut (crashafter=N).
DISK_INSTALL += $(B)/user/tests/crash_storm:bin/tests/crash_storm
