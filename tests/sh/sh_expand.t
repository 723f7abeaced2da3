# Expansions: ${..} forms, $(..) and `..`, $((..)), fields, pathnames.
$ unset v; echo ${v:-default} ${v-unset} "[${v:+set}]"
default unset []
$ v=; echo "[${v:-empty}]" "[${v-unset}]" "[${v:+set}]" "[${v+set}]"
[empty] [] [] [set]
$ echo ${w:=assigned}; echo $w
assigned
assigned
$ v=hello; echo ${#v} ${v:+yes}
5 yes
$ (unset q; echo ${q:?is missing}); echo status $?
.*q: is missing (re)
status 1
$ f=archive.tar.gz; echo ${f%.*} ${f%%.*} ${f#*.} ${f##*.}
archive.tar archive tar.gz gz
$ echo $(echo inner) `echo back` "$(echo "nested $(echo deep)")"
inner back nested deep
$ x=$(printf 'a\nb\n\n\n'); echo "[$x]"
[a
b]
$ echo $((1 + 2 * 3)) $(( (1 + 2) * 3 )) $((7 / 2)) $((7 % 3)) $((-4 + 1))
7 9 3 1 -3
$ i=5; echo $((i * 2)) $(($i + 1)) $((i > 3 && i < 10)) $((!i)) $((i == 5 || 0))
10 6 1 0 1
$ i=0; i=$((i + 1)); i=$((i + 1)); echo $i
2
$ (echo $((1 / 0))); echo after
.*division by .* (re)
after
$ words="a  b   c"; for w in $words; do echo "<$w>"; done
<a>
<b>
<c>
$ for w in "$words"; do echo "<$w>"; done
<a  b   c>
$ IFS=:; p=x:y::z; for w in $p; do echo "<$w>"; done; unset IFS
<x>
<y>
<>
<z>
$ echo > b.txt; echo > a.txt; echo > c.log; echo *.txt
a.txt b.txt
$ echo ?.log [ab].txt [!a].txt
c.log a.txt b.txt b.txt
$ echo *.none "*.txt" \*.txt
*.none *.txt *.txt
$ e=*.log; echo $e "$e"
c.log *.log
$ echo ~ | { read -r h; test "$h" = "$HOME" && echo tilde is home; }
tilde is home
$ echo "${undefined:-"quoted default"}" $(false) $?
quoted default 1
$ echo $((010)) $((0x10)) $((1 | 2 & 0)) $((6 ^ 3)) $((1 << 4))
8 16 1 5 16
$ kind=$(case x.c in *.c) echo C;; (*) echo other;; esac); echo "$kind"
C
$ echo a{b,c}d {x,y{1,2}} f{1..3} {c..a} "{a,b}" \{a,b\} {a} a{,b}
abd acd x y1 y2 f1 f2 f3 c b a {a,b} {a,b} {a} a ab
$ for i in {1..4}; do printf '%s.' $i; done; echo
1.2.3.4.
$ x=$(false); echo $?; y=$(exit 3); echo $?; z=$(true); echo $?
1
3
0
