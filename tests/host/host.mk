# Host-side unit tests: kernel files that need no hardware, built for
# this machine and checked against the C library. tests/run.py runs
# every build/host/test_* program.
HOSTCFLAGS = -std=gnu11 -O1 -g -Wall -Wextra -Wno-unused-parameter \
	-Ikernel -Ikernel/include/uapi -Itests/host
HOST_TESTS = $(patsubst tests/host/%.c,$(B)/host/%,$(wildcard tests/host/test_*.c))

# (The host's C library stands in for kernel/lib/string.c.)
$(B)/host/test_vsprintf: tests/host/test_vsprintf.c kernel/lib/vsprintf.c
$(B)/host/test_page_alloc: tests/host/test_page_alloc.c kernel/mm/page_alloc.c
$(B)/host/test_kmalloc: tests/host/test_kmalloc.c kernel/mm/kmalloc.c kernel/mm/page_alloc.c
$(B)/host/%:
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) $(HOST_DEFS_$*) -o $@ $(filter %.c,$^)

HOST_DEFS_test_vsprintf = -Dvsnprintf=kernel_vsnprintf -Dsnprintf=kernel_snprintf
# Pages "live" in an array of the test program's instead of at 0xC0000000.
ARENA = -DPAGE_OFFSET='((uintptr_t)test_arena)' -include tests/host/arena.h
HOST_DEFS_test_kmalloc = $(ARENA)
HOST_DEFS_test_page_alloc = $(ARENA)
