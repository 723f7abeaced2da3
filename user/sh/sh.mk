# /bin/sh is user/sh/*.c (user.mk's rule for a program of several
# files). Its echo, printf and test builtins are also programs of their
# own: a one-line main in user/bin/ plus the builtin's file. /bin/[ is
# /bin/test under another name (test.c looks at argv[0]).
$(B)/user/bin/echo: user/sh/echo.c user/sh/cmds.h
$(B)/user/bin/printf: user/sh/printf.c user/sh/echo.c user/sh/cmds.h
$(B)/user/bin/test: user/sh/test.c user/sh/cmds.h
DISK_INSTALL += $(B)/user/bin/test:bin/[

# /sbin/poweroff is /sbin/reboot (user/sbin/reboot.c) under another name.
DISK_INSTALL += $(B)/user/sbin/reboot:sbin/poweroff

# tests/guest_shell.py's helper (tests/user/shtool.c): nap, mkdir -p.
DISK_INSTALL += $(B)/user/tests/shtool:bin/tests/shtool

# tests/guest_shell.py boots init in script mode with this script.
DISK_INSTALL += tests/user/init_script.sh:bin/tests/init-script.sh
