# Run by tests/guest_glibc.py as "init=/sbin/init /bin/glibc/run.sh":
# each glibc-built test program in turn, between markers that say
# whose output follows and how it ended.
for p in g_malloc g_tls g_time; do
	echo "== $p"
	/bin/glibc/$p
	echo "== $p: status $?"
done
echo "== g_stdio"
/bin/glibc/g_stdio one two
s=$?
echo
echo "== g_stdio: status $s"
