/*
 * The battery-backed real-time clock in the CMOS chip (Motorola MC146818
 * and its descendants): the date and time of day, which keep running
 * while the machine is off. Registers are read through ports 0x70
 * (select) and 0x71 (data); the values are BCD unless register B says
 * binary.
 */
#include "arch/clock.h"
#include "arch/arch.h"

#define CMOS_SELECT   0x70
#define CMOS_DATA     0x71
#define RTC_SECONDS   0x00
#define RTC_MINUTES   0x02
#define RTC_HOURS     0x04
#define RTC_DAY       0x07
#define RTC_MONTH     0x08
#define RTC_YEAR      0x09
#define RTC_STATUS_A  0x0A      /* bit 7: an update is in progress */
#define RTC_STATUS_B  0x0B      /* bit 2: binary, not BCD */
#define RTC_UIP       0x80
#define RTC_BINARY    0x04

static uint8_t cmos(uint8_t reg)
{
	outb(CMOS_SELECT, reg);
	return inb(CMOS_DATA);
}

static uint32_t bcd(uint8_t v, bool is_bcd)
{
	return is_bcd ? (v >> 4) * 10 + (v & 0xF) : v;
}

/* Days from 1970-01-01 to y-m-d (civil calendar, m 1..12). */
static uint32_t days_since_epoch(uint32_t y, uint32_t m, uint32_t d)
{
	static const uint16_t before[12] = { 0, 31, 59, 90, 120, 151, 181,
					     212, 243, 273, 304, 334 };
	uint32_t leaps = (y - 1969) / 4 - (y - 1901) / 100 + (y - 1601) / 400;

	if (m > 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		leaps++;
	return (y - 1970) * 365 + leaps + before[m - 1] + d - 1;
}

/* The time of day as Unix time (seconds since 1970, UTC). */
uint32_t read_rtc(void)
{
	while (cmos(RTC_STATUS_A) & RTC_UIP)
		;
	bool is_bcd = !(cmos(RTC_STATUS_B) & RTC_BINARY);
	uint32_t s = bcd(cmos(RTC_SECONDS), is_bcd);
	uint32_t mi = bcd(cmos(RTC_MINUTES), is_bcd);
	uint32_t h = bcd(cmos(RTC_HOURS), is_bcd);
	uint32_t d = bcd(cmos(RTC_DAY), is_bcd);
	uint32_t mo = bcd(cmos(RTC_MONTH), is_bcd);
	uint32_t y = bcd(cmos(RTC_YEAR), is_bcd);

	y += y < 70 ? 2000 : 1900;
	return days_since_epoch(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}
