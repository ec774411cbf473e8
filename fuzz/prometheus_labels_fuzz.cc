// libFuzzer target: the Prometheus label-set parser of Loki push. Every input must parse or
// fail with a positioned message ("L:C: parse error: ..."); parsed labels must be valid UTF-8,
// and printing them with format_labels() and parsing that again must give the same labels.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/utf8.h"
#include "ingest/loki/prometheus_labels.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace weft;
  using namespace weft::ingest::loki;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  Result<Labels> labels = parse_prometheus_labels(input);
  if (!labels.is_ok()) {
    if (labels.status().message().find(": parse error: ") == std::string::npos) __builtin_trap();
    return 0;
  }
  for (const Label& l : *labels)
    if (l.name.empty() || !is_valid_utf8(l.name) || !is_valid_utf8(l.value)) __builtin_trap();
  Result<Labels> again = parse_prometheus_labels(format_labels(*labels));
  if (!again.is_ok() || *again != *labels) __builtin_trap();
  return 0;
}
