# Host-side unit tests: kernel files that need no hardware, built for
# this machine and checked against the C library. tests/run.py runs
# every build/host/test_* program.
HOSTCFLAGS = -std=gnu11 -O1 -g -Wall -Wextra -Wno-unused-parameter \
	-Ikernel -Ikernel/include/uapi -Itests/host
HOST_TESTS = $(patsubst tests/host/%.c,$(B)/host/%,$(wildcard tests/host/test_*.c))
# One gcc run compiles several files per test, so no -MMD: every test
# depends on every header instead, and a changed header rebuilds them all.
$(HOST_TESTS): $(wildcard kernel/*/*.h kernel/include/uapi/sprout/*.h tests/host/*.h)

# (The host's C library stands in for kernel/lib/string.c.)
$(B)/host/test_vsprintf: tests/host/test_vsprintf.c kernel/lib/vsprintf.c kernel/lib/appendf.c
# The same formatter as libc builds it, with its floating conversions.
$(B)/host/test_printf_float: tests/host/test_printf_float.c kernel/lib/vsprintf.c \
	libc/printf_float.c
# libc's scanf and strtod, renamed our_*, against the host's.
$(B)/host/test_scanf: tests/host/test_scanf.c libc/scanf.c libc/strtod.c
HOST_DEFS_test_scanf = -include tests/host/scanf_names.h
# libc's strtol family, qsort, bsearch, abs, div and inttypes.h, renamed
# our_*, against the host's.
$(B)/host/test_stdlib: tests/host/test_stdlib.c libc/stdlib.c libc/qsort.c \
	libc/arith.c libc/inttypes.c
HOST_DEFS_test_stdlib = -include tests/host/stdlib_names.h
# libc's getopt, renamed our_*, against glibc's (in POSIX order).
$(B)/host/test_getopt: tests/host/test_getopt.c libc/getopt.c
HOST_DEFS_test_getopt = -include tests/host/getopt_names.h
# libc's date functions, renamed our_*, against glibc's in UTC.
$(B)/host/test_time: tests/host/test_time.c libc/time.c libc/strftime.c
HOST_DEFS_test_time = -include tests/host/time_names.h
# libc's maths, renamed our_*, against glibc's libm.
$(B)/host/test_math: tests/host/test_math.c libc/math.c
HOST_DEFS_test_math = -include tests/host/math_names.h
HOST_LIBS_test_math = -lm
# libc's allocator, renamed our_*, over a fake break in an array.
$(B)/host/test_malloc: tests/host/test_malloc.c libc/malloc.c
HOST_DEFS_test_malloc = -include tests/host/malloc_names.h
# (tests/host/panic_host.c stands in for panic(): a test may expect one.)
$(B)/host/test_page_alloc: tests/host/test_page_alloc.c kernel/mm/page_alloc.c \
	tests/host/panic_host.c
$(B)/host/test_kmalloc: tests/host/test_kmalloc.c kernel/mm/kmalloc.c kernel/mm/page_alloc.c \
	tests/host/panic_host.c
$(B)/host/test_tty: tests/host/test_tty.c kernel/dev/tty.c
# The terminal emulator on an array of cells; the keyboard's scancodes.
$(B)/host/test_vt: tests/host/test_vt.c kernel/dev/vt.c
$(B)/host/test_keymap: tests/host/test_keymap.c kernel/dev/keymap.c
# The random generator's cipher, against known key streams.
$(B)/host/test_chacha20: tests/host/test_chacha20.c kernel/dev/chacha20.c
$(B)/host/test_cmdline: tests/host/test_cmdline.c kernel/init/cmdline.c
# TCP's sequence-number arithmetic: a header alone.
$(B)/host/test_tcp_seq: tests/host/test_tcp_seq.c
# The Internet checksum.
$(B)/host/test_checksum: tests/host/test_checksum.c kernel/net/checksum.c
# The fault injector, with netd's timers and the packet buffers stubbed.
$(B)/host/test_netfault: tests/host/test_netfault.c kernel/net/fault.c
$(B)/host/%:
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) $(HOST_DEFS_$*) -o $@ $(filter %.c,$^) $(HOST_LIBS_$*)

HOST_DEFS_test_vsprintf = -Dvsnprintf=kernel_vsnprintf -Dsnprintf=kernel_snprintf
HOST_DEFS_test_printf_float = $(HOST_DEFS_test_vsprintf) -DWITH_FLOAT
# Pages "live" in an array of the test program's instead of at 0xC0000000.
ARENA = -DPAGE_OFFSET='((uintptr_t)test_arena)' -include tests/host/arena.h
HOST_DEFS_test_kmalloc = $(ARENA)
HOST_DEFS_test_page_alloc = $(ARENA)

# The disk stack (buffer cache, page cache and ext2, with the page-frame
# allocator over an arena) against an image file; each
# test makes its images under $(B)/host/ with the Makefile's mke2fs options.
# (The pointer cast warning is traps.h's 32-bit trap_esp, harmless on the
# host.)
EXT2_HOST_SRCS = tests/host/ext2_host.c kernel/fs/buffer.c kernel/fs/page_cache.c \
	$(wildcard kernel/fs/ext2_*.c) kernel/fs/journal.c kernel/fs/journal_recovery.c \
	kernel/fs/vfs.c kernel/fs/mount.c \
	kernel/mm/page_alloc.c tests/host/panic_host.c
EXT2_HOST_TESTS = $(patsubst tests/host/%.c,%,$(wildcard tests/host/test_ext2*.c))
$(foreach t,$(EXT2_HOST_TESTS),$(eval $(B)/host/$(t): tests/host/$(t).c $(EXT2_HOST_SRCS) \
	tests/host/ext2_host.h $(wildcard kernel/fs/*.h)))
$(foreach t,$(EXT2_HOST_TESTS),$(eval HOST_DEFS_$(t) = -DMKE2FS_OPTS='"$$(MKE2FS_OPTS)"' -DIMG_DIR='"$$(B)/host"' -Wno-pointer-to-int-cast $$(ARENA)))

# The system-call table's checks (tests/host/test_syscalls.py) use the
# cross compiler: the program run.py runs is a script, written here, that
# hands them the build's compilers and flags. It is written anew each
# time, as the list of kernel objects changes when files come and go.
HOST_TESTS += $(B)/host/test_syscalls
$(B)/host/test_syscalls: FORCE
	@mkdir -p $(dir $@)
	@{ echo '#!/bin/sh'; \
	   echo "export B='$(B)' CC='$(CC)' LD='$(LD)' LIBGCC='$(LIBGCC)'"; \
	   echo "export KCFLAGS='$(KCFLAGS)' KLDFLAGS='$(KLDFLAGS)'"; \
	   echo "export KOBJS='$(KOBJS)'"; \
	   echo "export LIBC_CFLAGS='$(LIBC_CFLAGS)'"; \
	   echo 'exec $(PYTHON) $(CURDIR)/tests/host/test_syscalls.py'; } > $@
	@chmod +x $@
# libc's fnmatch, renamed our_fnmatch, against glibc's.
$(B)/host/test_fnmatch: tests/host/test_fnmatch.c libc/fnmatch.c
HOST_DEFS_test_fnmatch = -include tests/host/fnmatch_names.h
# libc's string functions and strerror, renamed our_*, against glibc's.
$(B)/host/test_string: tests/host/test_string.c libc/string.c libc/strings.c \
	libc/strerror.c
HOST_DEFS_test_string = -include tests/host/string_names.h
# libc's <ctype.h> (all inline) against glibc's.
$(B)/host/test_ctype: tests/host/test_ctype.c libc/include/ctype.h
# libc's regcomp/regexec, renamed our_*, against glibc's.
$(B)/host/test_regex: tests/host/test_regex.c libc/regcomp.c libc/regexec.c libc/wctype.c
HOST_DEFS_test_regex = -include tests/host/regex_names.h -include tests/host/wctype_names.h -Ilibc
# libc's wctype/iswctype, renamed our_*, against glibc's.
$(B)/host/test_wctype: tests/host/test_wctype.c libc/wctype.c
HOST_DEFS_test_wctype = -include tests/host/wctype_names.h
# libc's /etc/passwd and /etc/group readers, renamed our_*, against glibc's.
$(B)/host/test_pwd: tests/host/test_pwd.c libc/pwd.c libc/grp.c libc/fields.c
HOST_DEFS_test_pwd = -include tests/host/pwd_names.h
# libc's glob, renamed our_glob, against glibc's in a folder it makes.
$(B)/host/test_glob: tests/host/test_glob.c libc/glob.c
HOST_DEFS_test_glob = -include tests/host/glob_names.h
# libc's inet_pton & co., getaddrinfo, getnameinfo and the /etc/hosts and
# /etc/services readers, renamed our_*, against glibc's.
$(B)/host/test_inet: tests/host/test_inet.c libc/inet.c libc/getaddrinfo.c \
	libc/getnameinfo.c libc/hosts.c libc/services.c libc/fields.c
HOST_DEFS_test_inet = -D_GNU_SOURCE -include tests/host/inet_names.h
