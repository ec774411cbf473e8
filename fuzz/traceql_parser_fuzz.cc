// libFuzzer target: bytes as a TraceQL query (docs/fuzzing.md). Parsing never crashes; an error
// names a position; an accepted query prints to text that parses again and prints the same
// (the printer's fixed point), and tag-name parsing never crashes.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "query/traceql/traceql_parser.h"
#include "query/traceql/traceql_printer.h"

using namespace weft::query::traceql;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)parse_tag_name(text);
  auto query = parse_traceql(text);
  if (!query.is_ok()) {
    const std::string& m = query.status().message();
    if (m.rfind("parse error at line ", 0) != 0 && m.rfind("query is longer", 0) != 0) abort();
    return 0;
  }
  std::string printed = print_query(*query);
  auto again = parse_traceql(printed);
  if (!again.is_ok()) abort();
  if (print_query(*again) != printed) abort();
  return 0;
}
