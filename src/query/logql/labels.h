// Labels of LogQL: a sorted set of name/value pairs, the names LogQL allows, and the
// Prometheus text form used for printing and stream identity.
//
// A LabelSet keeps its labels sorted by name with unique names, so equality, ordering and
// hashing are plain comparisons. Thread safety: a value type; const methods may be called
// concurrently.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace weft::logql {

struct Label {
  std::string name;
  std::string value;
  bool operator==(const Label&) const = default;
  auto operator<=>(const Label&) const = default;
};

class LabelSet {
 public:
  LabelSet() = default;
  // Sorts; of repeated names the last one wins.
  explicit LabelSet(std::vector<Label> labels);

  const std::string* get(std::string_view name) const;
  bool has(std::string_view name) const { return get(name) != nullptr; }
  // Adds or replaces.
  void set(std::string_view name, std::string_view value);
  // Whether the name was present.
  bool erase(std::string_view name);

  const std::vector<Label>& labels() const { return labels_; }
  size_t size() const { return labels_.size(); }
  bool empty() const { return labels_.empty(); }
  auto begin() const { return labels_.begin(); }
  auto end() const { return labels_.end(); }

  // {a="1", b="x y"}: the Prometheus form, values quoted as Go's strconv.Quote does.
  std::string to_string() const;
  uint64_t hash() const;

  bool operator==(const LabelSet&) const = default;
  auto operator<=>(const LabelSet& o) const { return labels_ <=> o.labels_; }

 private:
  std::vector<Label> labels_;
};

struct LabelSetHash {
  size_t operator()(const LabelSet& s) const { return static_cast<size_t>(s.hash()); }
};

// [a-zA-Z_][a-zA-Z0-9_]*
bool is_valid_label_name(std::string_view name);

// A label name from any text, as Loki's OTLP mapping builds them: every character outside
// [a-zA-Z0-9_] becomes '_' ("service.name" -> "service_name"), and a name starting with a
// digit gets the prefix "key_". Empty text stays empty.
std::string sanitize_label_name(std::string_view text);

}  // namespace weft::logql
