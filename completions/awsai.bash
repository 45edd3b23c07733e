# bash completion for awsai. It asks the binary: `awsai __complete WORDS`
# prints the candidates for the last word, one a line, a tab, then a
# description (R3). No list lives here, so it never goes stale.
# Install it where bash-completion looks, or: source <(awsai completion bash)
_awsai()
{
	local cur line IFS=$'\n'
	local -a words=("${COMP_WORDS[@]:1:COMP_CWORD}")

	cur=${COMP_WORDS[COMP_CWORD]}
	# "--layer=pl" arrives as "--layer" "=" "pl": join it again
	if [[ ${COMP_WORDS[COMP_CWORD-1]} == "=" && $COMP_CWORD -ge 3 ]]; then
		words=("${COMP_WORDS[@]:1:COMP_CWORD-3}"
		    "${COMP_WORDS[COMP_CWORD-2]}=$cur")
	elif [[ $cur == "=" ]]; then
		words=("${COMP_WORDS[@]:1:COMP_CWORD-2}"
		    "${COMP_WORDS[COMP_CWORD-1]}=")
		cur=""
	fi
	COMPREPLY=()
	for line in $("${COMP_WORDS[0]}" __complete "${words[@]}" \
	    2>/dev/null); do
		line=${line%%$'\t'*}
		COMPREPLY+=("${line#*=}")
	done
	# nothing to offer (a path for --catalog or check): file names
	if [[ ${#COMPREPLY[@]} -eq 0 ]]; then
		compopt -o default 2>/dev/null
	fi
}
complete -F _awsai awsai
