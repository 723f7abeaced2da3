# $((..)): POSIX's C operators, assignments among them, and errors.
$ x=5; echo $((x *= 2)) $x
10 10
$ echo $((x /= 3)) $((x %= 2)) $((x += 7)) $((x -= 1)) $((x <<= 2)) $((x >>= 1))
3 1 8 7 28 14
$ echo $((x &= 6)) $((x ^= 3)) $((x |= 8)) $x
6 5 13 13
$ echo $((y = z = 4)) $y $z $((a=1+2)) $a
4 4 4 3 3
$ echo $((x > 3 ? 1 : 0)) $((0 ? 1 : 2)) $((1 ? 2 : 0 ? 3 : 4)) $((x == 13 ? y : z + 1))
1 2 2 4
$ echo $((-x)) $((+x)) $((~x)) $((!x)) $((!0)) $((x << 1 >> 2))
-13 13 -14 0 1 6
$ echo $((1 < 2)) $((2 <= 1)) $((2 > 1)) $((1 >= 2)) $((1 == 1)) $((1 != 1))
1 0 1 0 1 0
$ echo $((0x1F)) $((017)) $((0 || 5)) $((3 && 0)) $((5 & 3 | 8 ^ 1))
31 15 1 0 9
$ (echo $((1 / 0)); echo not reached); echo status $?
.*division by.* (re)
status [12] (re)
$ x=7; (echo $((x %= 0)); echo not reached); echo $x
.*division by.* (re)
7
