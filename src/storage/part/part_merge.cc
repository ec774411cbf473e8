#include "storage/part/part_merge.h"

#include <queue>

#include "storage/part/block_cursor.h"
#include "storage/part/log_columns.h"
#include "storage/part/span_columns.h"

namespace weft::storage {

namespace pf = part_format;

namespace {

Status read_block(BlockCursor& c, std::vector<LogRecord>* out) { return c.read_logs(ColumnMask::all(), out); }
Status read_block(BlockCursor& c, std::vector<Span>* out) { return c.read_spans(ColumnMask::all(), out); }
Status append(PartWriter& w, const StreamId& s, const StreamLabels& l, std::span<const LogRecord* const> rows) {
  return w.append_logs(s, l, rows);
}
Status append(PartWriter& w, const StreamId& s, const StreamLabels& l, std::span<const Span* const> rows) {
  return w.append_spans(s, l, rows);
}

// One input: its cursor and its current decoded block.
template <typename Row>
struct Input {
  std::unique_ptr<BlockCursor> cursor;
  std::vector<Row> rows;
  size_t pos = 0;
  StreamId stream;

  // Loads the next non-empty block; false at the end of the part.
  Result<bool> advance() {
    rows.clear();
    pos = 0;
    Result<bool> more = cursor->next();
    if (!more.is_ok() || !*more) return more;
    stream = cursor->block().stream;
    WEFT_RETURN_IF_ERROR(read_block(*cursor, &rows));
    return true;
  }
  bool done() const { return pos >= rows.size(); }
};

// The rows of the output block being filled (one stream).
template <typename Row>
class Output {
 public:
  Output(PartWriter& writer, uint32_t max_rows) : writer_(writer), max_rows_(max_rows) {}

  Status add(const StreamId& stream, const StreamLabels& labels, Row row) {
    if (!rows_.empty() && stream != stream_) WEFT_RETURN_IF_ERROR(flush());
    stream_ = stream;
    labels_ = &labels;
    rows_.push_back(std::move(row));
    return rows_.size() >= max_rows_ ? flush() : Status::ok();
  }
  Status flush() {
    if (rows_.empty()) return Status::ok();
    std::vector<const Row*> ptrs;
    ptrs.reserve(rows_.size());
    for (const Row& r : rows_) ptrs.push_back(&r);
    Status s = append(writer_, stream_, *labels_, ptrs);
    rows_.clear();
    return s;
  }

 private:
  PartWriter& writer_;
  uint32_t max_rows_;
  StreamId stream_;
  const StreamLabels* labels_ = nullptr;
  std::vector<Row> rows_;
};

template <typename Row>
bool keep(const MergeOptions& o, const StreamId& s, const Row& r) {
  if constexpr (std::is_same_v<Row, LogRecord>) return !o.keep_log || o.keep_log(s, r);
  else return !o.keep_span || o.keep_span(s, r);
}

constexpr uint64_t kCancelPollRows = 4096;

template <typename Row>
Result<MergeResult> merge(std::span<const std::shared_ptr<const PartReader>> parts, const std::filesystem::path& dir,
                          const MergeOptions& options) {
  std::vector<Input<Row>> inputs(parts.size());
  using Key = std::tuple<StreamId, UnixNanos, size_t>;  // stream, time, input
  std::priority_queue<Key, std::vector<Key>, std::greater<Key>> heap;
  for (size_t i = 0; i < parts.size(); ++i) {
    inputs[i].cursor = std::make_unique<BlockCursor>(parts[i]);
    Result<bool> more = inputs[i].advance();
    if (!more.is_ok()) return more.status();
    if (*more) heap.emplace(inputs[i].stream, sort_time(inputs[i].rows[0]), i);
  }
  auto writer = PartWriter::create(dir, parts[0]->meta().signal, parts[0]->meta().tenant, options.writer);
  if (!writer.is_ok()) return writer.status();
  Output<Row> out(**writer, options.writer.max_block_rows);
  MergeResult result;
  while (!heap.empty()) {
    size_t i = std::get<2>(heap.top());
    heap.pop();
    Input<Row>& in = inputs[i];
    Row& row = in.rows[in.pos++];
    if (options.cancelled && result.rows_read % kCancelPollRows == 0 && options.cancelled())
      return Status::unavailable("merge cancelled");
    ++result.rows_read;
    if (keep(options, in.stream, row)) {
      const PartStream* stream = parts[i]->find_stream(in.stream);
      if (stream == nullptr) return Status::corruption(parts[i]->dir().string() + ": a block of a stream missing from streams.bin");
      WEFT_RETURN_IF_ERROR(out.add(in.stream, stream->labels, std::move(row)));
    } else {
      ++result.rows_dropped;
    }
    if (in.done()) {
      Result<bool> more = in.advance();
      if (!more.is_ok()) return more.status();
      if (!*more) continue;
    }
    heap.emplace(in.stream, sort_time(in.rows[in.pos]), i);
  }
  WEFT_RETURN_IF_ERROR(out.flush());
  auto meta = (*writer)->finish();
  if (!meta.is_ok()) return meta.status();
  result.meta = std::move(meta).value();
  return result;
}

}  // namespace

Result<MergeResult> merge_parts(std::span<const std::shared_ptr<const PartReader>> inputs,
                                const std::filesystem::path& dir, const MergeOptions& options) {
  if (inputs.empty()) return Status::invalid("merge: no input parts");
  for (const auto& p : inputs) {
    if (p->meta().tenant != inputs[0]->meta().tenant || p->meta().signal != inputs[0]->meta().signal)
      return Status::invalid("merge: inputs of different tenants or signals");
  }
  if (inputs[0]->meta().signal == pf::Signal::kLogs) return merge<LogRecord>(inputs, dir, options);
  return merge<Span>(inputs, dir, options);
}

}  // namespace weft::storage
