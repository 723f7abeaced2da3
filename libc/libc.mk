# Sprout's C library: $(B)/libc/libc.a and the process entry $(B)/libc/crt0.o.
# Programs are built against it with tools/kcc (see user/user.mk).
#
# -nostdinc: only our headers (libc/include) and the compiler's own
# freestanding ones (stdint.h, stddef.h, stdarg.h, stdbool.h) are seen,
# never the build machine's C library.
LIBC_CFLAGS = -m32 -march=i686 -std=gnu11 -ffreestanding -fno-pie \
	-fno-stack-protector -O2 -g -Wall -Wextra \
	-nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-Ilibc/include -Ikernel/include/uapi

# Two kernel files are shared rather than copied: the printf formatter and
# the string functions. They include kernel headers, hence -Ikernel; and
# WITH_FLOAT gives libc's formatter the floating conversions, which live
# in printf_float.c (the kernel has no floating point).
LIBC_SHARED = kernel/lib/vsprintf.c kernel/lib/string.c
$(B)/libc/printf_float.o: LIBC_CFLAGS += -Ikernel -DWITH_FLOAT

# Every .c and .S here but crt0.S, the process entry, which is linked
# first on its own.
LIBC_OBJS = $(patsubst libc/%.c,$(B)/libc/%.o,$(wildcard libc/*.c)) \
	$(patsubst libc/%.S,$(B)/libc/%.o,$(filter-out libc/crt0.S,$(wildcard libc/*.S))) \
	$(patsubst kernel/lib/%.c,$(B)/libc/kernel/%.o,$(LIBC_SHARED))

$(B)/libc/%.o: libc/%.c
	@mkdir -p $(dir $@)
	$(CC) $(LIBC_CFLAGS) -MMD -MP -c $< -o $@

$(B)/libc/%.o: libc/%.S
	@mkdir -p $(dir $@)
	$(CC) $(LIBC_CFLAGS) -MMD -MP -c $< -o $@

$(B)/libc/kernel/%.o: kernel/lib/%.c
	@mkdir -p $(dir $@)
	$(CC) $(LIBC_CFLAGS) -Ikernel -DWITH_FLOAT -MMD -MP -c $< -o $@

$(B)/libc/libc.a: $(LIBC_OBJS)
	rm -f $@
	$(CROSS)ar rcs $@ $^

.PHONY: libc
libc: $(B)/libc/libc.a $(B)/libc/crt0.o
