# Programs built with Debian's glibc instead of ours (docs/compat.md), by
# i686-linux-gnu-gcc -static as any Linux program is, in /bin/glibc/ of a
# disk of their own, $(B)/glibc.img (the 60-odd static glibc programs,
# 40 MB, do not fit beside the rest on the 64 MB disk):
#   - the project's own test programs, tests/user/t_*.c, l_*.c, f_*.c
#     (with check.c or f_test.h, as for our libc), except those
#     tests/glibc/cannot-build.txt lists with the reason;
#   - tests/glibc/g_*.c, the calls glibc itself makes (its malloc, TLS,
#     stdio, clocks);
#   - run-all (tests/glibc/run_all.c), which tests/guest_glibc.py boots
#     as process 1 to run everything $(B)/glibc/list names.
# _GNU_SOURCE: glibc declares environ, getdents64, ppoll, prlimit and
# struct stat64 only then (our libc always does). -w: glibc's headers
# warn where a test passes a bad pointer or size on purpose. -s: no
# symbols, a fifth of the size.
GLIBC_CC = i686-linux-gnu-gcc
GLIBC_CFLAGS = -static -s -O2 -D_GNU_SOURCE -w \
	-Werror=implicit-function-declaration
GLIBC_CANNOT := $(shell sed -n 's/^\([a-z0-9_]*\):.*/\1/p' \
	tests/glibc/cannot-build.txt)
GLIBC_OWN = $(patsubst tests/glibc/%.c,%,$(wildcard tests/glibc/g_*.c))
GLIBC_USER = $(filter-out $(GLIBC_CANNOT),$(patsubst tests/user/%.c,%, \
	$(wildcard tests/user/t_*.c tests/user/l_*.c tests/user/f_*.c)))
GLIBC_TESTS = $(GLIBC_OWN) $(GLIBC_USER)

$(B)/glibc/g_%: tests/glibc/g_%.c tests/user/check.c tests/user/check.h \
		tests/glibc/glibc.mk
	@mkdir -p $(dir $@)
	$(GLIBC_CC) $(GLIBC_CFLAGS) -o $@ $< tests/user/check.c

$(B)/glibc/f_%: tests/user/f_%.c tests/user/f_test.h tests/glibc/glibc.mk
	@mkdir -p $(dir $@)
	$(GLIBC_CC) $(GLIBC_CFLAGS) -o $@ $< -lm

$(B)/glibc/%: tests/user/%.c tests/user/check.c tests/user/check.h \
		tests/glibc/glibc.mk
	@mkdir -p $(dir $@)
	$(GLIBC_CC) $(GLIBC_CFLAGS) -o $@ $< tests/user/check.c -lm

$(B)/glibc/run-all: tests/glibc/run_all.c tests/glibc/glibc.mk
	@mkdir -p $(dir $@)
	$(GLIBC_CC) $(GLIBC_CFLAGS) -o $@ $<

# One line per program: its name, then its arguments (g_stdio's argv
# test). Rewritten only when it changes (a test added or listed).
$(B)/glibc/list: FORCE
	@mkdir -p $(dir $@)
	@printf '%s\n' $(GLIBC_TESTS) | sed 's/^g_stdio$$/g_stdio one two/' \
		> $@.new && { cmp -s $@.new $@ && rm $@.new || mv $@.new $@; }

# The disk: make's staging folder of the usual one, plus /bin/glibc/.
GLIBC_FILES = $(foreach t,$(GLIBC_TESTS) run-all list,$(B)/glibc/$(t))
GLIBC_DISK_SIZE = 128M
$(B)/glibc.img: $(DISK) $(GLIBC_FILES)
	rm -rf $(B)/glibc-root && cp -a $(STAGE) $(B)/glibc-root
	install -D -m 755 -t $(B)/glibc-root/bin/glibc $(GLIBC_FILES)
	rm -f $@
	mke2fs $(MKE2FS_OPTS) -d $(B)/glibc-root -F $@ $(GLIBC_DISK_SIZE)
	tools/mkdevs.sh $@
all: $(B)/glibc.img

# make bench-linux's glibc column: user/bench.c built with glibc, on the
# usual disk as /bin/glibc/bench (tools/benchlinux/bench_linux.py).
$(B)/glibc/bench: user/bench.c tests/glibc/glibc.mk
	@mkdir -p $(dir $@)
	$(GLIBC_CC) $(GLIBC_CFLAGS) -o $@ $<
DISK_INSTALL += $(B)/glibc/bench:bin/glibc/bench
