// Go string literals, as LogQL writes and reads them: quoting like Go's strconv.Quote and
// unquoting "..." (Go escapes), `...` (raw) and '...' literals.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace weft::logql {

// "a\"b\n" style: printable UTF-8 kept, control characters and invalid bytes escaped.
std::string go_quote(std::string_view text);

// The value of a quoted literal, including its quotes. kInvalidArgument with a short reason
// ("invalid syntax") for a malformed literal.
Result<std::string> go_unquote(std::string_view literal);

// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, uint32_t code_point);

// Decodes one UTF-8 sequence at text[i]; returns its length (1 for an invalid byte, with
// *code_point = 0xFFFD).
size_t decode_utf8(std::string_view text, size_t i, uint32_t* code_point);

}  // namespace weft::logql
