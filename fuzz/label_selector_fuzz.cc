// libFuzzer target: the stream selector of delete requests (storage/deletes/label_selector.h).
// Every input must parse or fail with a positioned message ("selector at position N: ...");
// a parsed selector has at least one matcher, and matching it against a resource never fails.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "storage/deletes/label_selector.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace weft;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto selector = storage::parse_label_selector(input);
  if (!selector.is_ok()) {
    if (selector.status().message().find("selector at position ") != 0) __builtin_trap();
    return 0;
  }
  if (selector->matchers.empty()) __builtin_trap();
  Resource r;
  r.attributes.push_back({"service.name", std::string(input)});
  r.attributes.push_back({"k8s.pod.name", "p"});
  (void)selector->matches(&r, input);
  (void)selector->matches(nullptr, {});
  return 0;
}
