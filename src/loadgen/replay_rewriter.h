// ReplayRewriter: makes a replayed record fresh. For replay cycle c (the c-th pass over the
// data) it maps every original trace and span id to a fresh one (a keyed hash of the id, the
// cycle and the seed: the same id maps to the same fresh id within a cycle, so parent links and
// log-to-span links survive), moves timestamps to "now" (keeping each trace's internal
// offsets), and rewrites body text with re-randomised digits.
// Not thread-safe (the digit scrambler has state).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/time.h"
#include "loadgen/digit_scrambler.h"
#include "model/ids.h"

namespace weft::loadgen {

// A substring of the original text and what to write instead (for example an original trace
// id and its fresh one, or a protected word mapped to itself so its digits are kept).
using TextReplacement = std::pair<std::string, std::string>;

class ReplayRewriter {
 public:
  // Times land at now - (a per-group offset in [0, spread)) + (the time - its group's anchor).
  ReplayRewriter(uint64_t seed, UnixNanos now, int64_t spread_nanos);

  TraceId fresh_trace_id(const TraceId& original, uint64_t cycle) const;
  SpanId fresh_span_id(const SpanId& original, uint64_t cycle) const;

  // The fresh time of original time `t` of a group (a trace, or one record) that started at
  // `anchor` and is identified by `group_key`.
  UnixNanos fresh_time(UnixNanos t, UnixNanos anchor, uint64_t group_key, uint64_t cycle) const;

  // `text` with digits re-randomised, except that each `replacements[i].first` found in it is
  // written as `.second` instead.
  std::string rewrite_text(std::string_view text, const std::vector<TextReplacement>& replacements);

  // A group key for a trace id.
  static uint64_t trace_key(const TraceId& id);

 private:
  uint64_t seed_;
  UnixNanos now_;
  int64_t spread_;
  DigitScrambler scrambler_;
};

}  // namespace weft::loadgen
