#include "query/logql/field_detection.h"

#include "query/logql/json_parser.h"
#include "query/logql/label_filter.h"
#include "query/logql/logfmt.h"
#include "query/logql/units.h"

namespace weft::logql {

namespace {

// A row with no stream labels and no metadata, to run parser stages on a bare line.
class BareRow final : public LogRow {
 public:
  BareRow() { stream = &kStream; }
  void structured_metadata(std::vector<Label>&) const override {}

 private:
  static inline const Stream kStream{};
};

bool all_of(const std::set<std::string>& values, bool (*pred)(const std::string&)) {
  for (const auto& v : values)
    if (!pred(v)) return false;
  return !values.empty();
}

bool is_int(const std::string& v) {
  if (v.empty()) return false;
  size_t i = v[0] == '-' ? 1 : 0;
  if (i == v.size()) return false;
  for (; i < v.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
  return true;
}
bool is_float(const std::string& v) { return parse_go_float(v).is_ok(); }
bool is_bool(const std::string& v) { return v == "true" || v == "false" || v == "TRUE" || v == "FALSE"; }
bool is_duration(const std::string& v) { return !is_int(v) && parse_go_duration(v).is_ok(); }
bool is_bytes(const std::string& v) {
  if (is_int(v) || v.empty() || !std::isdigit(static_cast<unsigned char>(v[0]))) return false;
  return parse_bytes(v).is_ok();
}

}  // namespace

std::string detect_field_type(const std::set<std::string>& values) {
  if (all_of(values, is_int)) return "int";
  if (all_of(values, is_float)) return "float";
  if (all_of(values, is_bool)) return "boolean";
  if (all_of(values, is_duration)) return "duration";
  if (all_of(values, is_bytes)) return "bytes";
  return "string";
}

FieldDetector::FieldDetector() : json_(make_json_parser()), logfmt_(make_logfmt_parser(false, false)) {}
FieldDetector::~FieldDetector() = default;

void FieldDetector::note(const std::string& name, const std::string& value, const char* parser) {
  Field& f = fields_[name];
  if (f.values.size() < 10000) f.values.insert(value);
  if (parser) f.parsers.insert(parser);
}

void FieldDetector::add(std::string_view line, const LabelSet& metadata) {
  for (const auto& l : metadata) note(l.name, l.value, nullptr);
  size_t first = line.find_first_not_of(" \t");
  bool json = first != std::string_view::npos && line[first] == '{';
  BareRow row;
  row.line = line;
  LineState state;
  state.line = line;
  state.labels.reset(row);
  (json ? json_ : logfmt_)->process(state);
  if (state.labels.has_error()) return;
  LabelSet stream, meta, parsed;
  state.labels.categorized(stream, meta, parsed);
  for (const auto& l : parsed) note(l.name, l.value, json ? "json" : "logfmt");
}

std::vector<DetectedField> FieldDetector::fields(size_t limit) const {
  std::vector<DetectedField> out;
  for (const auto& [name, f] : fields_) {
    if (out.size() >= limit) break;
    out.push_back({name, detect_field_type(f.values), f.values.size(), {f.parsers.begin(), f.parsers.end()}});
  }
  return out;
}

std::vector<std::string> FieldDetector::values(const std::string& field, size_t limit) const {
  auto it = fields_.find(field);
  if (it == fields_.end()) return {};
  std::vector<std::string> out;
  for (const auto& v : it->second.values) {
    if (out.size() >= limit) break;
    out.push_back(v);
  }
  return out;
}

}  // namespace weft::logql
