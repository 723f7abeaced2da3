# stdio's buffers seen from the shell (docs/libc.md), with the course's
# example programs from /bin/tests: the same program on the terminal
# (stdout line buffered), into a pipe and into a file (fully buffered).
$ PATH=/bin/tests:$PATH
# write(2) is not buffered, printf is: the write's text comes first,
# whichever way stdout goes.
$ lecture_stdio_buffered
written at once by write()
Beginning of line and end of line
$ lecture_stdio_buffered | cat
written at once by write()
Beginning of line and end of line
$ lecture_stdio_buffered > out; cat out
written at once by write()
Beginning of line and end of line
# A second FILE sees a write only after fflush.
$ lecture_stdio_two_files > out; cat out
without fflush(f1): x = 'c'
with fflush(f1):    x = 'b'
# Byte-identical copies with fgetc/fputc and with fread/fwrite.
$ lecture_stdio_copy
/tmp/output.txt: 10000 bytes, the same as the input
/tmp/output2.txt: 10000 bytes, the same as the input
# printf before fork with stdout in a file: the buffer is copied.
$ lecture_stdio_fork
printf("a"); fork(); -> the file holds:
aa[end]
printf("line\n"); fork(); -> the file holds:
line
line
[end]
printf("line\n"); fflush(stdout); fork(); -> the file holds:
line
[end]
