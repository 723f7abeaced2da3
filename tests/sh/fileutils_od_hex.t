# od -t: formats by type; -A x -t x1z is a hex dump with the bytes as text
$ printf 'hello world\n' | od -A x -t x1z
000000 68 65 6c 6c 6f 20 77 6f 72 6c 64 0a              >hello world.<
00000c
$ printf 'Sprout: a teaching kernel\n' > k; od -A x -t x1z k
000000 53 70 72 6f 75 74 3a 20 61 20 74 65 61 63 68 69  >Sprout: a teachi<
000010 6e 67 20 6b 65 72 6e 65 6c 0a                    >ng kernel.<
00001a
$ (head -c 40 /dev/zero; echo hi) | od -A x -t x1z
000000 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  >................<
\* (re)
000020 00 00 00 00 00 00 00 00 68 69 0a                 >........hi.<
00002b
$ printf '\200\177\037~ ' | od -A d -t x1z
0000000 80 7f 1f 7e 20                                   >...~ <
0000005
$ printf 'abc' | od -t x2z
0000000 6261 0063                                >abc<
0000003
$ printf 'a\tb' | od -t cz -A n
   a  \t   b                                                      >a.b<
$ printf 'ab' | od -t x1; printf 'ab' | od -t o1 -A n; printf 'ab' | od -t u2 -A n
0000000 61 62
0000002
 141 142
 25185
$ od -t q4 k; echo $?
od: invalid .*type string 'q4' (re)
1
