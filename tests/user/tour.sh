# Run as "init=/sbin/init /bin/tests/tour.sh" by tests/guest_gdb.py while
# gdb walks docs/README.md's tour. Each stop waits for its own event
# (an open, a signal, a pipeline) after the stops before it have had
# theirs, so the script does each thing a few times over.
trap 'echo "tour: caught USR1"' USR1
for i in 1 2 3 4 5; do
	cat /etc/passwd > /dev/null
	kill -USR1 $$
	echo "tour: pipeline $i" | cat
done
