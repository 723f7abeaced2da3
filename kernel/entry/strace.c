/*
 * strace's decoding (see strace.h for what it prints and when). How an
 * argument is shown comes from its type in the system-call table, so a new
 * call is decoded as soon as it has its line there.
 */
#include "entry/strace.h"
#include "include/syscall.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>
#include <sprout/fcntl.h>

#define STRACE_STRLEN 32        /* as strace -s 32: longer data ends in ... */
#define MAX_ERRNO     4095      /* results -4095..-1 are -errno */

/* How an argument or a result is printed: numbers, then pointers. */
enum arg_kind {
	ARG_INT,                /* int, long, pid_t, off_t: decimal */
	ARG_UINT,               /* unsigned int, size_t, uid_t: decimal */
	ARG_HEX,                /* unsigned long: a raw word, such as an
				   ioctl request or half of a 64-bit value */
	ARG_OCTAL,              /* mode_t */
	ARG_OPEN_FLAGS,         /* open_flags_t: O_WRONLY|O_CREAT */
	ARG_STRING,             /* const char *: a string the call reads */
	ARG_OUT_STRING,         /* char *: a string the call fills in */
	ARG_BUFFER,             /* const void *, then its length */
	ARG_OUT_BUFFER,         /* void *, then its size: the call fills in
				   as many bytes as it returns */
	ARG_POINTER,            /* anything else: the address */
};

/*
 * The kind of each type, told apart by _Generic (on a pointer to it, which
 * works for void too). mode_t and open_flags_t are plain integers to the
 * compiler, so while the table is read below they become types of their
 * own.
 */
#define ARG_KIND(type) _Generic((type *)0,				\
	int *: ARG_INT,			long *: ARG_INT,		\
	unsigned int *: ARG_UINT,	unsigned long *: ARG_HEX,	\
	struct mode *: ARG_OCTAL,	struct open_flags *: ARG_OPEN_FLAGS, \
	const char **: ARG_STRING,	char **: ARG_OUT_STRING,	\
	const void **: ARG_BUFFER,	void **: ARG_OUT_BUFFER,	\
	default: ARG_POINTER)

struct call {
	const char *name;
	uint8_t nargs;
	uint8_t ret;                    /* enum arg_kind, as are these */
	uint8_t arg[6];
};

#define mode_t struct mode
#define open_flags_t struct open_flags
#define KIND_OF(i, type, arg) ARG_KIND(type)
#define SYSCALL(nr, name, libc, ret, n, ...)				\
	[nr] = { #name, n, ARG_KIND(ret),				\
		 { SYSCALL_MAP(n, KIND_OF, , __VA_ARGS__) } },
static const struct call calls[] = {
#include <sprout/syscalls.h>
};
#undef SYSCALL
#undef mode_t
#undef open_flags_t

/* A number the table does not have: five words, named by number. */
static const struct call unknown_call = {
	NULL, 5, ARG_INT, { ARG_HEX, ARG_HEX, ARG_HEX, ARG_HEX, ARG_HEX }
};

#define ERRNO_NAME(e, text) [e] = { #e, text },
static const struct {
	const char *name, *text;
} errnos[] = {
	ERRNO_LIST(ERRNO_NAME)
};

#define FLAG(f) { f, #f }
static const struct {
	uint32_t flag;
	const char *name;
} open_flags[] = {
	FLAG(O_CREAT), FLAG(O_EXCL), FLAG(O_NOCTTY), FLAG(O_TRUNC),
	FLAG(O_APPEND), FLAG(O_NONBLOCK), FLAG(O_LARGEFILE),
	FLAG(O_DIRECTORY), FLAG(O_NOFOLLOW), FLAG(O_CLOEXEC),
};
static const char *const access_modes[] = {
	"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"
};

static const struct call *call_of(uint32_t nr)
{
	if (nr < ARRAY_SIZE(calls) && calls[nr].name)
		return &calls[nr];
	return &unknown_call;
}

/* Append to the line; what does not fit is cut off. */
static void __attribute__((format(printf, 2, 3)))
put(struct strace_line *l, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vappendf(l->text, sizeof(l->text), &l->len, fmt, ap);
	va_end(ap);
}

static void put_pointer(struct strace_line *l, uint32_t p)
{
	if (p)
		put(l, "%#x", p);
	else
		put(l, "NULL");
}

/* One byte as C writes it inside quotes. An octal escape takes three
   digits when a digit follows, so that the next one is not read into it. */
static void put_char(struct strace_line *l, unsigned char c, char next)
{
	static const char plain[] = "\"\\\n\t\r\v\f", named[] = "\"\\ntrvf";

	for (int i = 0; plain[i]; i++)
		if (c == plain[i]) {
			put(l, "\\%c", named[i]);
			return;
		}
	if (c >= ' ' && c < 0x7f)
		put(l, "%c", c);
	else if (next >= '0' && next <= '7')
		put(l, "\\%03o", c);
	else
		put(l, "\\%o", c);
}

static void put_quoted(struct strace_line *l, const char *s, size_t n,
		       bool cut)
{
	put(l, "\"");
	for (size_t i = 0; i < n; i++)
		put_char(l, s[i], i + 1 < n ? s[i + 1] : 0);
	put(l, cut ? "\"..." : "\"");
}

/* User memory is read only through the user-access helpers, which check
   every page first: an address that cannot be read is printed as such. */
static void put_user_string(struct strace_line *l, uint32_t uaddr)
{
	char s[STRACE_STRLEN + 1];
	long n = strncpy_from_user(s, (const char *)uaddr, sizeof(s));

	if (n == -EFAULT)
		put_pointer(l, uaddr);
	else            /* -ENAMETOOLONG: no NUL in the first 33 bytes */
		put_quoted(l, s, n < 0 ? STRACE_STRLEN : (size_t)n, n < 0);
}

static void put_user_bytes(struct strace_line *l, uint32_t uaddr, size_t len)
{
	char b[STRACE_STRLEN];
	size_t n = len < sizeof(b) ? len : sizeof(b);

	if (copy_from_user(b, (const void *)uaddr, n))
		put_pointer(l, uaddr);
	else
		put_quoted(l, b, n, len > n);
}

static void put_open_flags(struct strace_line *l, uint32_t flags)
{
	put(l, "%s", access_modes[flags & O_ACCMODE]);
	flags &= ~O_ACCMODE;
	for (size_t i = 0; i < ARRAY_SIZE(open_flags); i++)
		if (flags & open_flags[i].flag) {
			put(l, "|%s", open_flags[i].name);
			flags &= ~open_flags[i].flag;
		}
	if (flags)
		put(l, "|%#x", flags);
}

/* A buffer's length is the argument after it, an unsigned (size_t). */
static bool has_length(const struct call *c, unsigned int i)
{
	return i + 1 < c->nargs && c->arg[i + 1] == ARG_UINT;
}

static void put_number(struct strace_line *l, uint8_t kind, long v)
{
	if (kind == ARG_INT)
		put(l, "%ld", v);
	else if (kind == ARG_UINT)
		put(l, "%lu", v);
	else if (kind == ARG_OCTAL)
		put(l, "%#lo", v);
	else
		put(l, "%#lx", v);
}

/* Argument i; ret is the call's result if it has returned. */
static void put_arg(struct strace_line *l, const struct call *c,
		    unsigned int i, long ret)
{
	uint32_t v = l->args[i];
	uint8_t kind = c->arg[i];

	if (kind == ARG_OPEN_FLAGS)
		put_open_flags(l, v);
	else if (kind == ARG_STRING || (kind == ARG_OUT_STRING && ret >= 0))
		put_user_string(l, v);
	else if (kind == ARG_BUFFER && has_length(c, i))
		put_user_bytes(l, v, l->args[i + 1]);
	else if (kind == ARG_OUT_BUFFER && has_length(c, i) && ret >= 0)
		put_user_bytes(l, v, ret);
	else if (kind >= ARG_STRING)    /* a pointer whose data is not shown */
		put_pointer(l, v);
	else
		put_number(l, kind, (int32_t)v);
}

static bool filled_by_call(uint8_t kind)
{
	return kind == ARG_OUT_STRING || kind == ARG_OUT_BUFFER;
}

/* The arguments in order, up to the first one the call fills in; after
   the call, the rest. */
static void put_args(struct strace_line *l, const struct call *c,
		     bool returned, long ret)
{
	for (; l->next_arg < c->nargs; l->next_arg++) {
		unsigned int i = l->next_arg;

		if (!returned && filled_by_call(c->arg[i]))
			return;
		if (i)
			put(l, ", ");
		put_arg(l, c, i, ret);
	}
}

static void put_result(struct strace_line *l, uint8_t kind, long ret)
{
	long e = -ret;

	if (ret == -ERESTARTSYS)
		put(l, "? ERESTARTSYS (To be restarted if SA_RESTART is set)");
	else if (e > 0 && e < (long)ARRAY_SIZE(errnos) && errnos[e].name)
		put(l, "-1 %s (%s)", errnos[e].name, errnos[e].text);
	else if (e > 0 && e <= MAX_ERRNO)
		put(l, "-1 ERRNO_%ld (Unknown error %ld)", e, e);
	else
		put_number(l, kind, ret);
}

void strace_enter(struct strace_line *l, uint32_t nr, const uint32_t *args)
{
	const struct call *c = call_of(nr);

	l->nr = nr;
	l->args = args;
	l->next_arg = 0;
	l->len = 0;
	l->text[0] = '\0';
	if (c->name)
		put(l, "%s(", c->name);
	else
		put(l, "syscall_%u(", nr);
	put_args(l, c, false, 0);
}

void strace_exit(struct strace_line *l, long ret)
{
	const struct call *c = call_of(l->nr);

	put_args(l, c, true, ret);
	put(l, ") = ");
	put_result(l, c->ret, ret);
	printk("[pid %d] %s\n", current->pid, l->text);
}
