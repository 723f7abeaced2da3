/*
 * Collecting execve's arguments (see process.h). The strings must be
 * copied out of the old address space before it is thrown away, and they
 * must end up on the new stack: so we copy them to where they will live.
 */
#include "proc/proc.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

#define MAX_ARG_STRLEN PAGE_SIZE        /* one string: E2BIG beyond */
#define MAX_ARGS       32768

void exec_args_init(struct exec_args *a)
{
	memset(a, 0, sizeof(*a));
	a->sp = USER_TOP;
}

void exec_args_free(struct exec_args *a)
{
	for (int i = 0; i < MAX_ARG_PAGES; i++)
		if (a->page[i])
			put_page(a->page[i]);
}

/* The kernel address of the byte at user address va, allocating its page;
   NULL if va is below the window or memory ran out (*err says which). */
static char *arg_byte(struct exec_args *a, uint32_t va, int *err)
{
	uint32_t i = (USER_TOP - 1 - va) / PAGE_SIZE;

	*err = -E2BIG;
	if (va >= USER_TOP || i >= MAX_ARG_PAGES)
		return NULL;
	if (!a->page[i]) {
		*err = -ENOMEM;
		if (!(a->page[i] = alloc_page()))
			return NULL;
		clear_words(page_address(a->page[i]), PAGE_SIZE / 4);
	}
	return (char *)page_address(a->page[i]) + va % PAGE_SIZE;
}

int exec_args_write(struct exec_args *a, uint32_t va, const void *src, size_t n)
{
	const char *s = src;
	int err;

	while (n) {
		size_t chunk = PAGE_SIZE - va % PAGE_SIZE;
		char *dst = arg_byte(a, va, &err);
		if (!dst)
			return err;
		if (chunk > n)
			chunk = n;
		memcpy(dst, s, chunk);
		va += chunk, s += chunk, n -= chunk;
	}
	return 0;
}

size_t exec_args_strlen(struct exec_args *a, uint32_t va)
{
	size_t n = 0;
	int err;

	for (char *c; (c = arg_byte(a, va + n, &err)) && *c; n++)
		;
	return n;
}

/* Fetch vec[i], a pointer held in user or kernel memory. */
static int fetch_ptr(const char *const *vec, int i, bool from_user,
		     const char **out)
{
	if (!from_user) {
		*out = vec[i];
		return 0;
	}
	if (copy_from_user(out, &vec[i], sizeof(*out)))
		return -EFAULT;
	return 0;
}

static int push_string(struct exec_args *a, const char *s, bool from_user,
		       char *tmp)
{
	long len;

	if (from_user) {
		len = strncpy_from_user(tmp, s, MAX_ARG_STRLEN);
		if (len < 0)
			return len == -ENAMETOOLONG ? -E2BIG : (int)len;
		s = tmp;
	} else {
		len = (long)strlen(s);
	}
	a->sp -= len + 1;
	return exec_args_write(a, a->sp, s, len + 1);
}

/* Strings are pushed last first, so that they lie in order in memory. */
int exec_args_push_vector(struct exec_args *a, const char *const *vec,
			  bool from_user)
{
	const char *s;
	char *tmp;
	int n = 0, err = 0;

	if (!vec)
		return 0;                       /* Linux takes NULL as empty */
	for (;; n++) {
		if (n >= MAX_ARGS)
			return -E2BIG;
		if (fetch_ptr(vec, n, from_user, &s) < 0)
			return -EFAULT;
		if (!s)
			break;
	}
	tmp = kmalloc(MAX_ARG_STRLEN);
	if (!tmp)
		return -ENOMEM;
	for (int i = n - 1; i >= 0 && !err; i--) {
		err = fetch_ptr(vec, i, from_user, &s);
		if (!err)
			err = push_string(a, s, from_user, tmp);
	}
	kfree(tmp);
	return err ? err : n;
}

/* A #! script's rewrite works at the front of argv, which is the lowest
   string (pushed last): dropping argv[0] just moves sp past it, and a new
   first argument is pushed below. A vector that no longer fits is E2BIG. */
void exec_args_drop_first(struct exec_args *a)
{
	if (a->argc == 0)
		return;
	a->sp += exec_args_strlen(a, a->sp) + 1;
	a->argc--;
}

int exec_args_push_first(struct exec_args *a, const char *s)
{
	int err = push_string(a, s, false, NULL);

	if (!err)
		a->argc++;
	return err;
}
