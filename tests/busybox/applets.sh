# BusyBox's applets, one section each, run by BusyBox's own ash:
#
#   busybox ash applets.sh [SECTION...]       (all sections if none given)
#
# tests/guest_busybox.py runs it on Sprout and, with the same binary, on
# the host (Linux), and compares each section's output. So a section
# prints only what is the same on both kernels: no times, pids, sizes of
# /proc files or directories; where an applet's output must differ (ps,
# top, free, df, mount, dmesg), the section prints the facts that must
# hold on both (a header line, "a process called sleep is listed").
#
# Environment: BB_WORK, a directory the script may fill (default
# /tmp/bb); BB_PORT, a free TCP port on 127.0.0.1 (default 8080; nc uses
# BB_PORT+1). The server wget and nc talk to runs here too, on
# 127.0.0.1: no other address is ever used.
W=${BB_WORK:-/tmp/bb}
PORT=${BB_PORT:-8080}
umask 022        # the same modes whoever runs it (owners are not shown)

# The tree every section starts from.
prepare() {
	rm -rf "$W" && mkdir -p "$W" && cd "$W" || exit 1
	printf 'pear 3\napple 12\nfig 7\nbanana 5\napple 2\n' > fruit.txt
	mkdir -p tree/a/b tree/c
	echo alpha > tree/a/one.txt
	echo beta > tree/a/b/two.txt
	echo gamma > tree/c/three.log
	printf 'line %d\n' 1 2 3 4 5 6 7 8 9 10 11 12 > lines.txt
}

s_ash() {
	x=5; y=$((x * 3 + 1))
	echo "arith $y $((y % 7)) $((1 << 4))"
	s="path/to/file.tar.gz"
	echo "strip ${s##*/} ${s%%.*} ${s#*/} ${s%.gz} len ${#s}"
	echo "default ${unset_var:-dflt} alt ${x:+set}"
	f() { local v="in f: $1"; echo "$v"; return 3; }
	f one; echo "f returned $?"
	for w in a b c; do printf '%s-' "$w"; done; echo
	i=0; while [ $i -lt 3 ]; do i=$((i + 1)); done; echo "while $i"
	case "hello.c" in *.h) echo header;; *.c) echo source;; esac
	cat <<-END
	heredoc $x $(echo subst)
	END
	echo "$(echo nested $(echo deep))"
	(cd tree && echo "subshell in ${PWD##*/}"); echo "back in ${PWD##*/}"
	set -- p q r; shift; echo "args $# $*"
	echo "a b" | { read -r first rest; echo "read $first/$rest"; }
	trap 'echo trapped EXIT' EXIT; (trap 'echo sub exit' EXIT; true)
	trap - EXIT
	[ -f fruit.txt ] && [ ! -d fruit.txt ] && echo "test ok"
	false || echo "or ok"; true && echo "and ok"
	echo "pipe $(printf 'x\ny\nz\n' | wc -l)"
	type cd | sed 's/ a shell builtin/ builtin/'
}

# Job control: a background job, jobs, kill %1, wait, a stopped job
# continued by bg, fg. Each job is its own process group; fg hands it the terminal
# (TIOCSPGRP) and takes the terminal back when it ends.
s_jobs() {
	set -m
	sleep 30 &
	jobs
	kill %1
	wait %1; echo "wait %1: $?"
	jobs
	sleep 30 &
	kill -STOP %%
	sleep 1; jobs
	bg %%
	kill %%
	wait %%; echo "stopped, bg, killed: $?"
	(sleep 1; exit 7) &
	fg %%; echo "fg: $?"
	true & wait $!; echo "wait pid: $?"
	set +m
}

s_ls() {
	ls
	ls -1 tree/a
	ls -l fruit.txt tree/a/one.txt | awk '{ print $1, $2, $5, $NF }'
	ls -ld tree | awk '{ print $1, $NF }'
	ls -R tree
	ls nosuch; echo "missing: $?"
}

s_cat() {
	cat fruit.txt tree/a/one.txt
	cat -n tree/c/three.log
	echo stdin | cat - tree/a/b/two.txt
}

s_grep() {
	grep apple fruit.txt
	grep -n -v apple fruit.txt
	grep -c -i APPLE fruit.txt
	grep -E '^(fig|pear) [0-9]$' fruit.txt
	grep -r -l a tree | sort
	grep nothing fruit.txt; echo "no match: $?"
}

s_sed() {
	sed 's/apple/APPLE/g' fruit.txt
	sed -n '2,3p' fruit.txt
	sed -e '/banana/d' -e 's/ [0-9]*$//' fruit.txt
	cp fruit.txt edited.txt && sed -i 's/^f/F/' edited.txt && cat edited.txt
	echo "a.b.c" | sed 's/\./:/2'
}

s_awk() {
	awk '{ sum += $2 } END { print "sum", sum, "lines", NR }' fruit.txt
	awk '$2 > 4 { printf "%-8s|%3d\n", $1, $2 }' fruit.txt
	awk '{ n[$1] += $2 } END { for (k in n) print k, n[k] }' fruit.txt | sort
	echo "a:b:c" | awk -F: '{ print NF, $2; split($0, p, ":"); print p[3] }'
	awk 'BEGIN { print length("hello"), substr("busybox", 5), toupper("x"), 7 / 2 }'
}

s_sort() {
	sort fruit.txt
	sort -k2 -n fruit.txt
	sort -r -u -k1,1 fruit.txt
	cut -d' ' -f1 fruit.txt | sort | uniq -c
}

s_find() {
	find tree | sort
	find tree -name '*.txt' | sort
	find tree -type d | sort
	find tree -type f -exec cat {} \; | sort
}

s_xargs() {
	find tree -name '*.txt' | sort | xargs cat
	printf '1\n2\n3\n' | xargs -n 2 echo got
	printf 'a\nb\n' | xargs -I{} echo "<{}>"
}

s_tar() {
	tar cf t.tar tree
	tar tf t.tar | sort
	mkdir out && tar xf t.tar -C out && cat out/tree/a/b/two.txt
	tar czf t.tgz fruit.txt tree/c && tar tzf t.tgz | sort
	tar tvf t.tar tree/a/one.txt | awk '{ print $1, $3, $NF }'
}

s_gzip() {
	cp lines.txt z.txt && gzip z.txt && ls z.txt*
	gunzip -c z.txt.gz | tail -n 2
	gzip -t z.txt.gz && echo "gzip -t ok"
	gunzip z.txt.gz && cmp z.txt lines.txt && echo "round trip ok"
	echo hello | gzip | gunzip
	zcat z.txt.gz 2>/dev/null; echo "zcat missing: $?"
}

# vi with ex commands (-c), then with keys typed through a pipe (the
# pauses let vi's first read, the reply to its screen-size question,
# time out before the keys come, on both kernels).
s_vi() {
	cp fruit.txt v.txt
	vi -c 's/pear/PEAR/' -c '$d' -c 'wq' v.txt </dev/null >/dev/null 2>&1
	echo "vi -c: $?"; cat v.txt
	(sleep 2; printf 'iTyped by vi\033'; sleep 1; printf 'ddu:wq\n') |
		vi typed.txt >/dev/null 2>&1
	echo "vi keys: $?"; cat typed.txt
}

# Not a terminal on their output, less and more print their input, as
# cat does (a terminal would make them wait for keys).
s_less() {
	less lines.txt | tail -n 3
	echo piped | less | cat
	head -n 2 fruit.txt | more | cat
}

s_hexdump() {
	printf 'Sprout\0\1\2\377' > bin.dat
	hexdump -C bin.dat
	hexdump bin.dat
	printf 'AB' | hexdump -e '2/1 "%02x " "\n"'
	od -c bin.dat
}

s_ps() {
	sleep 30 &
	pid=$!
	ps | head -n 1
	ps | awk -v p=$pid '$1 == p { print "listed:", $NF, $(NF-1) }'
	ps -o pid,comm | awk -v p=$pid '$1 == p { print "comm:", $2 }'
	kill $pid; wait $pid; echo "killed: $?"
}

s_top() {
	top -b -n 1 > top.out; echo "top: $?"
	sed -n '1s/^\(Mem:\).*/\1/p; 2s/^\(CPU:\).*/\1/p; 3s/^\(Load average:\).*/\1/p' top.out
	grep -E '^ +PID +PPID USER +STAT' top.out | tr -s ' '
	grep -c 'top -b -n 1' top.out
}

s_free() {
	free | sed -n 1p | tr -s ' '
	free | awk '$1 == "Mem:" { print $1, ($2 > 0), ($2 >= $3), ($2 >= $4) }'
	free | awk '{ print $1 }'
}

s_df() {
	df . | sed -n 1p | tr -s ' '
	df -k . | awk 'NR == 2 { print ($2 > 0), ($2 >= $3), ($4 >= 0) }'
	df | grep -c ' /$'
}

s_mount() {
	mount | grep -c '^proc on /proc type proc '
	grep -c '^proc /proc proc ' /proc/mounts
	mount | awk '$3 == "/" { print "the root is mounted" }' | head -n 1
}

s_dmesg() {
	dmesg > dmesg.out; echo "dmesg: $?"
	[ -s dmesg.out ] && echo "dmesg has lines"
}

# A web server and a TCP listener on 127.0.0.1, from BusyBox itself.
# A server started in the background takes a moment to listen: wait
# until netstat shows the port (at most 10 s).
wait_listen() {
	i=0
	while [ $i -lt 20 ] && ! netstat -ltn 2>/dev/null | grep -q "127.0.0.1:$1 "; do
		sleep 0.5; i=$((i + 1))
	done
}

s_wget() {
	mkdir -p www && cp fruit.txt www/index.html
	httpd -p 127.0.0.1:$PORT -h www -f &
	hpid=$!
	wait_listen $PORT
	wget -q -O - http://127.0.0.1:$PORT/index.html
	wget -q -O got.txt http://127.0.0.1:$PORT/index.html && cmp got.txt fruit.txt && echo "wget -O ok"
	wget -q -O - http://127.0.0.1:$PORT/nosuch; echo "404: $?"
	kill $hpid; wait $hpid 2>/dev/null
	echo done
}

s_nc() {
	nport=$((PORT + 1))
	nc -l -p $nport > nc.out &
	npid=$!
	wait_listen $nport
	echo "over tcp" | nc 127.0.0.1 $nport
	wait $npid; echo "listener: $?"
	cat nc.out
	nc 127.0.0.1 $((PORT + 2)) </dev/null; echo "refused: $?"
}

SECTIONS="ash jobs ls cat grep sed awk sort find xargs tar gzip vi less hexdump ps top free df mount dmesg wget nc"
[ $# -gt 0 ] && SECTIONS="$*"
for s in $SECTIONS; do
	echo "== $s"
	prepare
	# Each section in a subshell of its own, but the jobs one: ash turns
	# job control on only in the shell itself, not in a subshell.
	if [ $s = jobs ]; then s_jobs 2>&1; else ( s_$s ) 2>&1; fi
	echo "== $s: end $?"
done
cd / && rm -rf "$W"
echo "== applets.sh done"
