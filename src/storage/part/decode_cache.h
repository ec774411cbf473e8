// DecodeCache: keeps the Resource and Scope objects decoded from blocks, so that records of
// one resource share one ResourcePtr within a block and across the blocks a cursor reads
// (as records of one OTLP request share theirs).
//
// Bounded: past kMaxEntries entries of a kind it starts over.
// Thread safety: none; one per cursor.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "model/resource.h"

namespace weft::storage {

class DecodeCache {
 public:
  static constexpr size_t kMaxEntries = 4096;

  // The resource encoded as `bytes` (value_codec.h), or null when the bytes do not decode.
  ResourcePtr resource(std::string_view bytes);
  ScopePtr scope(std::string_view bytes);

 private:
  std::unordered_map<std::string, ResourcePtr> resources_;
  std::unordered_map<std::string, ScopePtr> scopes_;
};

}  // namespace weft::storage
