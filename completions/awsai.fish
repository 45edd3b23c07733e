# fish completion for awsai. It asks the binary: `awsai __complete WORDS`
# prints the candidates for the last word, one a line, a tab, then a
# description (R3), which fish shows beside each. No list lives here.
# Install it in vendor_completions.d, or: awsai completion fish | source
function __awsai_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -l out ($words[1] __complete $words[2..-1] "$cur" 2>/dev/null)
    if test (count $out) -gt 0
        printf '%s\n' $out
    else
        __fish_complete_path "$cur"
    end
end
complete -c awsai -f -a '(__awsai_complete)'
