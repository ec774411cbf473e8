#include "storage/part/block_cursor.h"

#include <algorithm>
#include <list>
#include <map>

#include "storage/part/bloom_filter.h"
#include "storage/part/column_source.h"
#include "storage/part/inline_column_match.h"
#include "storage/part/log_columns.h"
#include "storage/part/span_columns.h"
#include "storage/part/tokenizer.h"

namespace weft::storage {

namespace pf = part_format;

// The columns of the current block, read on demand and kept until the block is decoded.
class BlockCursor::Source final : public ColumnSource {
 public:
  Source(const PartReader& part, const BlockHeader& block, CursorStats& stats)
      : part_(part), block_(block), stats_(stats) {}

  Result<std::string_view> raw(const ColumnHeader& c) override {
    if (c.storage == pf::ColumnStorage::kInline) return std::string_view(c.inline_bytes);
    auto it = loaded_.find(&c);
    if (it != loaded_.end()) return std::string_view(it->second);
    auto bytes = part_.read_chunk(c);
    if (!bytes.is_ok()) return bytes.status();
    ++stats_.chunks_read;
    stats_.chunk_bytes_read += c.chunk.stored_size;
    return std::string_view(loaded_.emplace(&c, std::move(bytes).value()).first->second);
  }

  Status malformed(const ColumnHeader& c, std::string_view what) const override {
    std::string column(pf::column_name(c.id));
    if (c.id == pf::ColumnId::kAttribute) column += " \"" + c.key + "\"";
    return Status::corruption(part_.dir().string() + ": block of stream " + block_.stream.hex() + " at time " +
                              std::to_string(block_.min_time) + ", column " + column + ": " + std::string(what));
  }

 private:
  const PartReader& part_;
  const BlockHeader& block_;
  CursorStats& stats_;
  std::map<const ColumnHeader*, std::string> loaded_;
};

BlockCursor::BlockCursor(std::shared_ptr<const PartReader> part, BlockFilter filter)
    : part_(std::move(part)), filter_(std::move(filter)) {
  std::sort(filter_.streams.begin(), filter_.streams.end());
  for (const auto& t : filter_.tokens) token_hashes_.push_back(token_hash(t.token));
}

BlockCursor::~BlockCursor() = default;

bool BlockCursor::group_may_match(const IndexGroupRef& g) const {
  if (g.max_time < filter_.min_time || g.min_time > filter_.max_time) return false;
  if (filter_.streams.empty()) return true;
  auto it = std::lower_bound(filter_.streams.begin(), filter_.streams.end(), g.first_stream);
  return it != filter_.streams.end() && !(g.last_stream < *it);
}

Result<bool> BlockCursor::next() {
  if (started_) ++pos_;
  started_ = true;
  while (true) {
    while (pos_ >= headers_.size()) {
      if (next_group_ >= part_->meta().groups.size()) {
        headers_.clear();
        pos_ = 0;
        return false;
      }
      size_t g = next_group_++;
      if (!group_may_match(part_->meta().groups[g])) {
        ++stats_.groups_skipped;
        continue;
      }
      auto headers = part_->read_index_group(g);
      if (!headers.is_ok()) return headers.status();
      headers_ = std::move(headers).value();
      pos_ = 0;
    }
    Result<bool> match = block_may_match(headers_[pos_]);
    if (!match.is_ok()) return match.status();
    if (*match) {
      ++stats_.blocks_matched;
      return true;
    }
    ++pos_;
  }
}

Result<bool> BlockCursor::block_may_match(const BlockHeader& h) {
  ++stats_.blocks_seen;
  if (h.max_time < filter_.min_time || h.min_time > filter_.max_time) {
    ++stats_.pruned_by_time;
    return false;
  }
  if (!filter_.streams.empty() && !std::binary_search(filter_.streams.begin(), filter_.streams.end(), h.stream)) {
    ++stats_.pruned_by_stream;
    return false;
  }
  for (const TokenFilter& t : filter_.tokens) {
    Result<bool> ok = may_have_token(h, t);
    if (!ok.is_ok() || !*ok) {
      if (ok.is_ok()) ++stats_.pruned_by_token;
      return ok;
    }
  }
  Result<bool> trace = may_have_trace(h);
  if (trace.is_ok() && !*trace) ++stats_.pruned_by_trace;
  return trace;
}

Result<bool> BlockCursor::column_may_have_token(const ColumnHeader& c, uint32_t rows, uint64_t hash) {
  if (c.storage == pf::ColumnStorage::kInline) return inline_column_has_token(c, rows, hash);
  if (!c.bloom) return false;  // a stored column without a filter has no tokens at all
  auto bloom = part_->read_bloom(*c.bloom);
  if (!bloom.is_ok()) return bloom.status();
  return bloom_may_contain(*bloom, hash);
}

Result<bool> BlockCursor::may_have_token(const BlockHeader& h, const TokenFilter& t) {
  uint64_t hash = token_hashes_[static_cast<size_t>(&t - filter_.tokens.data())];
  for (const ColumnHeader& c : h.columns) {
    bool relevant = t.column.kind == ColumnRef::Kind::kAny ||
                    (t.column.kind == ColumnRef::Kind::kColumn && c.id == t.column.id) ||
                    (t.column.kind == ColumnRef::Kind::kAttribute && c.id == pf::ColumnId::kAttribute && c.key == t.column.key);
    if (!relevant || c.id == pf::ColumnId::kTraceId || c.id == pf::ColumnId::kSpanId) continue;
    Result<bool> found = column_may_have_token(c, h.rows, hash);
    if (!found.is_ok() || *found) return found;
  }
  return false;
}

Result<bool> BlockCursor::may_have_trace(const BlockHeader& h) {
  if (filter_.trace_ids.empty()) return true;
  const ColumnHeader* c = h.find(pf::ColumnId::kTraceId);
  if (c == nullptr) return false;  // no row of the block has a trace id
  std::string bloom;
  if (c->storage != pf::ColumnStorage::kInline) {
    if (!c->bloom) return false;
    auto b = part_->read_bloom(*c->bloom);
    if (!b.is_ok()) return b.status();
    bloom = std::move(b).value();
  }
  for (const TraceId& id : filter_.trace_ids) {
    if (c->storage == pf::ColumnStorage::kInline) {
      Result<bool> has = inline_column_has_id(*c, h.rows, id.view());
      if (!has.is_ok() || *has) return has;
    } else if (bloom_may_contain(bloom, token_hash(id.view()))) {
      return true;
    }
  }
  return false;
}

Status BlockCursor::read_logs(const ColumnMask& mask, std::vector<LogRecord>* out) {
  if (part_->meta().signal != pf::Signal::kLogs) return Status::invalid("read_logs on a part of spans");
  Source source(*part_, block(), stats_);
  return decode_log_columns(source, block(), mask, cache_, out);
}

Status BlockCursor::read_spans(const ColumnMask& mask, std::vector<Span>* out) {
  if (part_->meta().signal != pf::Signal::kSpans) return Status::invalid("read_spans on a part of logs");
  Source source(*part_, block(), stats_);
  return decode_span_columns(source, block(), mask, cache_, out);
}

}  // namespace weft::storage
