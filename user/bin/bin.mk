# The utilities' extra rules (user/bin/*.c -> /bin/*, see user/user.mk).
#
# Code some of them share lives in headers beside them: modes as ls -l
# and stat print them (filemode.h), a stat's nanoseconds (stattime.h), sizes for -h (human.h), paths built
# while walking trees or copying into a directory (path.h), a command
# run and waited for (run.h).
$(B)/user/bin/ls $(B)/user/bin/stat: user/bin/filemode.h
$(B)/user/bin/stat $(B)/user/bin/cp: user/bin/stattime.h
$(B)/user/bin/ls $(B)/user/bin/du $(B)/user/bin/df: user/bin/human.h
$(B)/user/bin/ls $(B)/user/bin/rm $(B)/user/bin/cp $(B)/user/bin/mv $(B)/user/bin/ln \
	$(B)/user/bin/chmod $(B)/user/bin/du $(B)/user/bin/find $(B)/user/bin/grep: user/bin/path.h
$(B)/user/bin/find $(B)/user/bin/xargs: user/bin/run.h

# The user and group databases that ls -l, id and whoami read
# (libc/pwd.c, libc/grp.c); the network's names (libc/hosts.c,
# libc/services.c).
DISK_INSTALL += user/etc/passwd:etc/passwd:644 user/etc/group:etc/group:644 \
	user/etc/services:etc/services:644 user/etc/hosts:etc/hosts:644
