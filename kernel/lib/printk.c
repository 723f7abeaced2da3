/*
 * printk: the kernel's printf. It formats into a buffer and hands the
 * text to the console's write function. The console driver registers
 * it at boot (Linux's register_console idea), so this library sits below
 * every driver; text printed before that is dropped from the console.
 *
 * Every message is also kept in the log, a ring of the last LOG_BUF_LEN
 * bytes printed (from the first line of the boot), which dmesg reads
 * through syslog(2) (proc/syslog.c). Positions count every byte ever
 * logged, so a reader's place stays valid as the ring turns over:
 *
 *   log_buf  [ ...newest | oldest ... ]     byte at position p is
 *                      ^ log_end % LEN      log_buf[p % LOG_BUF_LEN];
 *   kept: log_end - LOG_BUF_LEN (or 0) .. log_end
 */
#include "lib/printk.h"
#include "lib/vsprintf.h"

static console_write_t console_write;
static char log_buf[LOG_BUF_LEN];
static uint32_t log_end;                /* bytes logged since boot */
static void (*log_notify)(void);

void register_console(console_write_t write)
{
	console_write = write;
}

void register_log_notify(void (*notify)(void))
{
	log_notify = notify;
}

static void log_store(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		log_buf[log_end++ % LOG_BUF_LEN] = s[i];
	if (log_notify)
		log_notify();
}

uint32_t log_position(void)
{
	return log_end;
}

/* The caller keeps printk out (interrupts off) while it copies. */
size_t log_copy(uint32_t from, char *dst, size_t n)
{
	uint32_t oldest = log_end > LOG_BUF_LEN ? log_end - LOG_BUF_LEN : 0;
	size_t done = 0;

	if (from < oldest)
		from = oldest;
	for (; done < n && from + done < log_end; done++)
		dst[done] = log_buf[(from + done) % LOG_BUF_LEN];
	return done;
}

int printk(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	log_store(buf, n);
	if (console_write)
		console_write(buf, n);
	return n;
}
