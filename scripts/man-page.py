#!/usr/bin/env python3
"""Writes kestractl(1) from the command tree.

    kestractl --experimental-dump-help | python3 scripts/man-page.py VERSION SOURCE_DATE_EPOCH > kestractl.1

The input is swift-argument-parser's tool description (every command, argument, abstract and
discussion). Options that every command has become GLOBAL OPTIONS; each command lists only its
own. ENVIRONMENT collects the `(env NAME…)` notes of the option help.
"""

import datetime
import json
import re
import sys


def escape(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    text = "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in text)
    return "\n".join("\\&" + line if line.startswith((".", "'")) else line for line in text.split("\n"))


def paragraphs(text):
    """Prose as .PP paragraphs; indented lines (examples) verbatim."""
    out = []
    for block in re.split(r"\n\s*\n", (text or "").strip("\n")):
        lines = block.split("\n")
        if not block.strip():
            continue
        prose = [line for line in lines if not line.startswith("  ")]
        verbatim = [line for line in lines if line.startswith("  ")]
        if prose:
            out += [".PP", escape(" ".join(line.strip() for line in prose))]
        if verbatim:
            out += [".PP", ".RS 4", ".nf"] + [escape(line[2:]) for line in verbatim] + [".fi", ".RE"]
    return out


def names(argument):
    def dashed(name):
        return ("--" if name["kind"] == "long" else "-") + name["name"]

    return ", ".join(dashed(name) for name in argument.get("names") or [])


def signature(argument):
    """The bold names and the italic value, as roff."""
    value = argument.get("valueName") or ""
    if argument["kind"] == "positional":
        text = "\\fI" + escape(value.upper()) + "\\fR"
        return text + ("..." if argument.get("isRepeating") else "")
    text = "\\fB" + escape(names(argument)) + "\\fR"
    if argument["kind"] == "option":
        text += " \\fI" + escape(value.upper()) + "\\fR"
    return text


def key(argument):
    return (argument["kind"], names(argument), argument.get("valueName"))


def visible(arguments):
    return [a for a in arguments or [] if a.get("shouldDisplay", True) and names(a) not in ("-h, --help", "--version")]


def commands(command, path):
    """Every command that runs something (has no subcommands), with its full path, in tree order."""
    subcommands = [c for c in command.get("subcommands") or [] if c.get("shouldDisplay", True)]
    if not subcommands:
        yield path, command
    for sub in subcommands:
        if sub["commandName"] == "help":
            continue
        yield from commands(sub, path + [sub["commandName"]])


def option_list(arguments):
    out = []
    for argument in arguments:
        out += [".TP", signature(argument)]
        help_text = argument.get("abstract") or ""
        if argument.get("defaultValue") and argument["kind"] == "option":
            help_text += f" (default: {argument['defaultValue']})"
        out.append(escape(help_text.strip()) if help_text.strip() else "")
        if argument.get("discussion"):
            out += paragraphs(argument["discussion"])
    return out


def main():
    version, epoch = sys.argv[1], int(sys.argv[2])
    tool = json.load(sys.stdin)["command"]
    name = tool["commandName"]
    date = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime("%Y-%m-%d")
    leaves = list(commands(tool, [name]))

    shared = None
    for _, command in leaves:
        keys = {key(a) for a in visible(command.get("arguments")) if a["kind"] != "positional"}
        shared = keys if shared is None else shared & keys
    shared = shared or set()
    global_options = []
    for _, command in leaves:
        for argument in visible(command.get("arguments")):
            if key(argument) in shared and key(argument) not in {key(a) for a in global_options}:
                global_options.append(argument)

    out = [
        f'.TH {name.upper()} 1 "{date}" "{name} {escape(version)}" "User Commands"',
        ".SH NAME",
        f"{name} \\- {escape(tool.get('abstract') or '')}",
        ".SH SYNOPSIS",
        f".B {name}",
        "[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGUMENTS\\fR]",
        ".br",
        f".B {name}",
        "(no arguments, on a terminal: the interactive shell)",
        ".SH DESCRIPTION",
    ]
    out += paragraphs(tool.get("discussion"))
    out += [".SH GLOBAL OPTIONS", "Accepted by every command, before or after it."]
    out += option_list(global_options)
    out += [".SH COMMANDS"]
    for path, command in leaves:
        own = [a for a in visible(command.get("arguments")) if key(a) not in shared]
        usage = " ".join(escape(part) for part in path)
        usage += "".join(" " + ("[" + signature(a) + "]" if a.get("isOptional") else signature(a)) for a in own)
        out += [f'.SS "{usage}"']
        aliases = command.get("aliases")
        out += [escape(command.get("abstract") or "")]
        if aliases:
            out += [".PP", escape("Alias: " + ", ".join(aliases) + ".")]
        out += paragraphs(command.get("discussion"))
        out += option_list(own)
    variables = []
    for _, command in leaves:
        for argument in visible(command.get("arguments")):
            for found in re.findall(r"\benv ([A-Z][A-Z0-9_]+(?:(?:, | or )[A-Z][A-Z0-9_]+)*)", argument.get("abstract") or ""):
                for variable in re.split(r", | or ", found):
                    if variable not in [v for v, _ in variables]:
                        variables.append((variable, names(argument)))
    if variables:
        out += [".SH ENVIRONMENT"]
        for variable, option in variables:
            out += [".TP", f"\\fB{escape(variable)}\\fR", escape(f"The default of {option}.")]
    out += [
        ".SH FILES",
        ".TP",
        "\\fI~/.kestractl/config.yaml\\fR",
        "Named contexts (see \\fBkestractl config\\fR); \\fB\\-\\-config\\fR or \\fBKESTRACTL_CONFIG\\fR choose another file.",
        ".SH SEE ALSO",
        f"\\fB{name} completion\\fR bash|zsh|fish, \\fB{name} \\fICOMMAND\\fB \\-\\-help\\fR",
    ]
    sys.stdout.write("\n".join(line for line in out if line is not None) + "\n")


if __name__ == "__main__":
    main()
