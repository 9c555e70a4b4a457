# bash completion for pes                                    -*- shell-script -*-
# Rule names come from `pes rule --list`, so new rules complete without editing this file.

_pes_rules() {
  local pes=${COMP_WORDS[0]}
  "$pes" rule --list --lang en 2>/dev/null | awk '{print $1}'
}

_pes() {
  local cur prev words cword
  _init_completion -n =: || return

  local cmd="" i
  for ((i = 1; i < cword; i++)); do
    case ${words[i]} in
      check | score | rule | schema) cmd=${words[i]}; break ;;
    esac
  done

  case $prev in
    --lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return ;;
    --rounding) COMPREPLY=($(compgen -W "auto truncate half-up" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --fail-on) COMPREPLY=($(compgen -W "error warning" -- "$cur")); return ;;
    --max-warnings) return ;;
    --config) _filedir toml; return ;;
    --format)
      if [[ $cmd == rule ]]; then
        COMPREPLY=($(compgen -W "text json markdown" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "text json sarif github junit html" -- "$cur"))
      fi
      return ;;
    --annotate) _filedir xlsx; return ;;
    --output)
      if [[ $cur == *:* ]]; then
        local format=${cur%%:*}
        cur=${cur#*:}
        _filedir
        COMPREPLY=("${COMPREPLY[@]/#/$format:}")
        __ltrim_colon_completions "$format:$cur"
      else
        compopt -o nospace
        COMPREPLY=($(compgen -W "text json sarif github junit html text: json: sarif: github: junit:
          html: xlsx: sqlite:" -- "$cur"))
      fi
      return ;;
    --select | --ignore | --extend-select)
      COMPREPLY=($(compgen -W "ALL funds indicators totals structure $(_pes_rules)" -- "$cur"))
      return ;;
    --severity)
      if [[ $cur == *=* ]]; then
        COMPREPLY=($(compgen -W "error warning info" -- "${cur#*=}"))
      else
        compopt -o nospace
        COMPREPLY=($(compgen -S = -W "ALL funds indicators totals structure $(_pes_rules)" -- "$cur"))
      fi
      return ;;
  esac

  case $cmd in
    "")
      COMPREPLY=($(compgen -W "check score rule schema --help --version" -- "$cur")) ;;
    check)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--format --output --annotate --select --extend-select --ignore
          --severity --fail-on --exit-zero --max-warnings --statistics --config --lang --rounding
          --color --help" -- "$cur"))
      else
        _filedir '@(json|jsonl|csv|txt)'
      fi ;;
    score)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--config --lang --rounding --color --help" -- "$cur"))
      else
        _filedir '@(json|jsonl|csv|txt)'
      fi ;;
    rule)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--list --format --lang --help" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "$(_pes_rules)" -- "$cur"))
      fi ;;
    schema)
      COMPREPLY=($(compgen -W "--report --help" -- "$cur")) ;;
  esac
} && complete -F _pes pes
