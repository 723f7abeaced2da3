# Run by tests/guest_shell.py as "init=/sbin/init /bin/tests/init-script.sh":
# init's script mode, what tools/krun uses.
echo "script: running as $0, pid $$"
[ -t 0 ] && [ -t 1 ] && echo "script: the console is its terminal"
echo "script: exiting with 3"
exit 3
