# Programs built with Debian's glibc instead of ours (docs/compat.md):
# tests/glibc/g_*.c, with the process tests' check.c, compiled by
# i686-linux-gnu-gcc -static as any Linux program is, installed as
# /bin/glibc/g_* with run.sh beside them; tests/guest_glibc.py boots
# run.sh and checks what each printed.
GLIBC_CC = i686-linux-gnu-gcc
GLIBC_TESTS = $(patsubst tests/glibc/%.c,%,$(wildcard tests/glibc/g_*.c))

$(B)/glibc/%: tests/glibc/%.c tests/user/check.c tests/user/check.h
	@mkdir -p $(dir $@)
	$(GLIBC_CC) -static -O2 -g -Wall -Wextra -o $@ $< tests/user/check.c

DISK_INSTALL += $(foreach t,$(GLIBC_TESTS),$(B)/glibc/$(t):bin/glibc/$(t)) \
	tests/glibc/run.sh:bin/glibc/run.sh
