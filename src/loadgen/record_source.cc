#include "loadgen/record_source.h"

#include <cstdlib>

namespace weft::loadgen {

Result<std::unique_ptr<RecordSource>> make_record_source(const SourceOptions& options) {
  if (options.kind == "synthetic") return make_synthetic_source(options);
  if (options.kind == "nezha") return make_nezha_source(options);
  if (options.kind == "apache") return make_apache_source(options);
  return Status::invalid("unknown source \"" + options.kind +
                         "\" (expected synthetic, nezha or apache)");
}

std::string resolve_shared_data_dir(std::string_view flag) {
  if (!flag.empty()) return std::string(flag);
  const char* env = std::getenv("WEFT_SHARED_DATA");
  if (env != nullptr && *env != '\0') return env;
  return "../shared/data";
}

}  // namespace weft::loadgen
