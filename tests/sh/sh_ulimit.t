# ulimit: the shell's own resource limits, which every command it starts
# inherits. Without -H or -S a new value sets both; reading gives the soft.
# Each case lowers limits in a subshell: the files after this one run in
# the same shell, and a lowered hard limit never rises again.
$ (ulimit -n 32; ulimit -n; ulimit -Hn)
32
32
$ (ulimit -n 32; ulimit -S -n 16; ulimit -n; ulimit -H -n; grep 'open files' /proc/self/limits)
16
32
Max open files +16 +32 +files * (re)
$ (ulimit -n 32; ulimit -S -n 64; echo $?)
.*ulimit: open files: cannot modify limit: Invalid argument (re)
1
$ ulimit -n abc
.*ulimit: abc: invalid number (re)
$ (ulimit -s 1024; ulimit -s; ulimit -S -d 2048; ulimit -d; ulimit -Hd)
1024
2048
unlimited
$ (ulimit -t unlimited; ulimit -t; ulimit -u 5; ulimit -u; ulimit -v)
unlimited
5
unlimited
# -f counts 512-byte blocks (POSIX); with no option ulimit means -f
$ (ulimit -f 100; ulimit -f; ulimit)
100
100
# past the limit a write fails with EFBIG, and SIGXFSZ (ignored here)
$ (ulimit -f 1; trap '' XFSZ; head -c 2000 /dev/zero | cat > big; echo $?); wc -c < big
cat: write error: File too large
1
512
$ (ulimit -S -d 2048; ulimit -f 100; ulimit -S -n 16; ulimit -s 1024; ulimit -a | grep -e '-[dfnstv])')
data seg size               (kbytes, -d) 2048
file size                   (blocks, -f) 100
open files                          (-n) 16
stack size                  (kbytes, -s) 1024
cpu time                   (seconds, -t) unlimited
virtual memory              (kbytes, -v) unlimited
