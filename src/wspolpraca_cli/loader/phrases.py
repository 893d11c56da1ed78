"""The YAML parser's problems in the current language: a syntax error is worded by libyaml
or PyYAML, in English; the phrases it is known to use have catalogue keys."""

from __future__ import annotations

from wspolpraca_cli.i18n import t

# A phrase not listed here is shown as the parser wrote it.
_PHRASES: dict[str, tuple[str, dict[str, str]]] = {
    "did not find expected ',' or ']'": ("prog.yaml.no_separator", {"bracket": "]"}),
    "did not find expected ',' or '}'": ("prog.yaml.no_separator", {"bracket": "}"}),
    "found character that cannot start any token": ("prog.yaml.bad_token_start", {}),
    "mapping values are not allowed in this context": ("prog.yaml.mapping_values", {}),
    "mapping values are not allowed here": ("prog.yaml.mapping_values", {}),
    "mapping keys are not allowed in this context": ("prog.yaml.mapping_keys", {}),
    "mapping keys are not allowed here": ("prog.yaml.mapping_keys", {}),
    "block sequence entries are not allowed in this context": (
        "prog.yaml.sequence_entries",
        {},
    ),
    "block sequence entries are not allowed here": ("prog.yaml.sequence_entries", {}),
    "did not find expected key": ("prog.yaml.expected_key", {}),
    "did not find expected '-' indicator": ("prog.yaml.expected_dash", {}),
    "could not find expected ':'": ("prog.yaml.expected_colon", {}),
    "did not find expected node content": ("prog.yaml.expected_content", {}),
    "did not find expected alphabetic or numeric character": ("prog.yaml.expected_alnum", {}),
    "did not find expected comment or line break": ("prog.yaml.expected_line_break", {}),
    "found unexpected end of stream": ("prog.yaml.end_of_stream", {}),
    "found unknown escape character": ("prog.yaml.unknown_escape", {}),
    "found undefined alias": ("prog.yaml.undefined_alias", {}),
    "found a tab character that violates indentation": ("prog.yaml.tab_indentation", {}),
    "found a tab character where an indentation space is expected": (
        "prog.yaml.tab_for_space",
        {},
    ),
    "but found another document": ("prog.yaml.another_document", {}),
    "expected a single document in the stream": ("prog.yaml.single_document", {}),
    "while parsing a flow sequence": ("prog.yaml.in_flow_sequence", {}),
    "while parsing a flow mapping": ("prog.yaml.in_flow_mapping", {}),
    "while scanning for the next token": ("prog.yaml.in_next_token", {}),
    "while parsing a block mapping": ("prog.yaml.in_block_mapping", {}),
    "while parsing a block collection": ("prog.yaml.in_block_collection", {}),
    "while scanning a quoted scalar": ("prog.yaml.in_scanning_quoted", {}),
    "while parsing a quoted scalar": ("prog.yaml.in_parsing_quoted", {}),
    "while scanning a simple key": ("prog.yaml.in_simple_key", {}),
    "while scanning an anchor": ("prog.yaml.in_anchor", {}),
    "while scanning an alias": ("prog.yaml.in_alias", {}),
    "while scanning a block scalar": ("prog.yaml.in_block_scalar", {}),
    "while scanning a plain scalar": ("prog.yaml.in_plain_scalar", {}),
    "while parsing a block node": ("prog.yaml.in_block_node", {}),
    "while parsing a flow node": ("prog.yaml.in_flow_node", {}),
    "while scanning a tag": ("prog.yaml.in_tag", {}),
}


def yaml_phrase(text: str) -> str:
    """A YAML parser's problem or context in the current language, when it is a known one."""
    found = _PHRASES.get(text)
    return t(found[0], **found[1]) if found else text
