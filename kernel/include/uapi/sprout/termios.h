/*
 * Terminal settings, as Linux i386 passes them to TCGETS/TCSETS: the
 * kernel's struct termios (36 bytes, NCCS 19), not the C library's larger
 * one. Flag values are octal, as in Linux's termbits.h; Sprout acts on the
 * ones kernel/dev/tty.c names (see docs/tty.md) and keeps the others.
 */
#ifndef _SPROUT_TERMIOS_H
#define _SPROUT_TERMIOS_H

typedef unsigned char cc_t;
typedef unsigned int  speed_t;
typedef unsigned int  tcflag_t;

#define NCCS 19
struct termios {
	tcflag_t c_iflag;           /* input modes */
	tcflag_t c_oflag;           /* output modes */
	tcflag_t c_cflag;           /* control (line) modes */
	tcflag_t c_lflag;           /* local modes: echo, canonical, signals */
	cc_t c_line;                /* line discipline number (0: the only one) */
	cc_t c_cc[NCCS];            /* special characters */
};

struct winsize {
	unsigned short ws_row, ws_col;
	unsigned short ws_xpixel, ws_ypixel;
};

/* c_cc indexes. A special character set to 0 (_POSIX_VDISABLE) is off. */
#define VINTR     0
#define VQUIT     1
#define VERASE    2
#define VKILL     3
#define VEOF      4
#define VTIME     5
#define VMIN      6
#define VSWTC     7
#define VSTART    8
#define VSTOP     9
#define VSUSP    10
#define VEOL     11
#define VREPRINT 12
#define VDISCARD 13
#define VWERASE  14
#define VLNEXT   15
#define VEOL2    16
#define _POSIX_VDISABLE '\0'

/* c_iflag */
#define IGNBRK  0000001
#define BRKINT  0000002
#define IGNPAR  0000004
#define PARMRK  0000010
#define INPCK   0000020
#define ISTRIP  0000040
#define INLCR   0000100
#define IGNCR   0000200
#define ICRNL   0000400
#define IUCLC   0001000
#define IXON    0002000
#define IXANY   0004000
#define IXOFF   0010000
#define IMAXBEL 0020000
#define IUTF8   0040000

/* c_oflag */
#define OPOST   0000001
#define OLCUC   0000002
#define ONLCR   0000004
#define OCRNL   0000010
#define ONOCR   0000020
#define ONLRET  0000040
#define OFILL   0000100
#define OFDEL   0000200

/* c_cflag */
#define CBAUD   0010017
#define B0      0000000
#define B9600   0000015
#define B19200  0000016
#define B38400  0000017
#define B115200 0010002
#define CSIZE   0000060
#define CS5     0000000
#define CS6     0000020
#define CS7     0000040
#define CS8     0000060
#define CSTOPB  0000100
#define CREAD   0000200
#define PARENB  0000400
#define PARODD  0001000
#define HUPCL   0002000
#define CLOCAL  0004000

/* c_lflag */
#define ISIG    0000001
#define ICANON  0000002
#define XCASE   0000004
#define ECHO    0000010
#define ECHOE   0000020
#define ECHOK   0000040
#define ECHONL  0000100
#define NOFLSH  0000200
#define TOSTOP  0000400
#define ECHOCTL 0001000
#define ECHOPRT 0002000
#define ECHOKE  0004000
#define FLUSHO  0010000
#define PENDIN  0040000
#define IEXTEN  0100000

/* tcsetattr() actions and tcflush() queues */
#define TCSANOW   0
#define TCSADRAIN 1
#define TCSAFLUSH 2
#define TCIFLUSH  0
#define TCOFLUSH  1
#define TCIOFLUSH 2

/* ioctl numbers */
#define TCGETS     0x5401
#define TCSETS     0x5402       /* now */
#define TCSETSW    0x5403       /* after output drains */
#define TCSETSF    0x5404       /* after output drains; drop unread input */
#define TCSBRK     0x5409       /* arg 0: send a break; else tcdrain() */
#define TCFLSH     0x540B
#define TIOCSCTTY  0x540E       /* become the controlling terminal */
#define TIOCGPGRP  0x540F       /* tcgetpgrp() */
#define TIOCSPGRP  0x5410       /* tcsetpgrp() */
#define TIOCOUTQ   0x5411       /* bytes written but not yet sent */
#define TIOCGWINSZ 0x5413
#define TIOCSWINSZ 0x5414
#define FIONREAD   0x541B
#define TIOCNOTTY  0x5422       /* stop being the controlling terminal */
#define TCSBRKP    0x5425       /* TCSBRK with a break of arg/10 s */
#define TIOCGSID   0x5429       /* tcgetsid() */

/* ioctls on any fd, answered by the file system (fs/ioctl.c) */
#define FIONBIO    0x5421       /* *(int *)arg: O_NONBLOCK on or off */
#define FIONCLEX   0x5450       /* close-on-exec off */
#define FIOCLEX    0x5451       /* close-on-exec on */

#endif
