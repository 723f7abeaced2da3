# Redirections and here-documents. (show reads a file as cat would.)
$ show() { while IFS= read -r l; do printf '%s\n' "$l"; done < "$1"; }
$ echo first > f; echo second >> f; show f
first
second
$ echo replaced > f; show f
replaced
$ { echo out; echo err >&2; } > o 2> e; show o; show e
out
err
$ { echo out; echo err >&2; } > both 2>&1; show both
out
err
$ { echo to-err 1>&2; } 2> e2; show e2
to-err
$ (echo kept; echo dropped >&2) 2>/dev/null
kept
$ while read -r a b; do echo "$b-$a"; done < f
-replaced
$ exec 3> fd3; echo via three >&3; exec 3>&-; show fd3
via three
$ exec 4< f; read -r line <&4; exec 4<&-; echo "$line"
replaced
$ echo abc > rw; exec 5<> rw; read -r x <&5; exec 5>&-; echo $x
abc
$ show /nonexistent
.*/nonexistent: No such file or directory (re)
$ name=World; cat_=unused; while read -r l; do echo "$l"; done <<EOF
> Hello, $name
> sum: $((2 + 3)), cmd: $(echo sub)
> EOF
Hello, World
sum: 5, cmd: sub
$ while read -r l; do echo "$l"; done <<'EOF'
> Hello, $name $(not run)
> EOF
Hello, $name $(not run)
$ while read -r l; do echo "[$l]"; done <<-END
> 	tabs stripped
> 		both
> 	END
[tabs stripped]
[both]
$ read -r one <<X; echo "$one"
> here line
> X
here line
