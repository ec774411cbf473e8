#include "query/logql/json_parser.h"

#include <simdjson.h>

#include <cctype>

namespace weft::logql {

namespace {

namespace od = simdjson::ondemand;

// Copies a line into a padded buffer simdjson can read past the end of.
class PaddedLine {
 public:
  void assign(std::string_view line) {
    buffer_.resize(line.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(buffer_.data(), line.data(), line.size());
    size_ = line.size();
  }
  simdjson::simdjson_result<od::document> iterate(od::parser& parser) {
    return parser.iterate(buffer_.data(), size_, buffer_.size());
  }

 private:
  std::string buffer_;
  size_t size_ = 0;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

void set_json_error(LineState& state, simdjson::error_code error) {
  state.labels.set_error(kJsonParserError, simdjson::error_message(error));
}

// `| json`: every scalar field; objects recurse with "parent_child" names; arrays and nulls
// are skipped, as Loki does.
class JsonParser final : public PipelineStage {
 public:
  bool process(LineState& state) override {
    line_.assign(state.line);
    od::document doc;
    auto error = line_.iterate(parser_).get(doc);
    od::object object;
    if (!error) error = doc.get_object().get(object);
    if (!error) error = walk(object, "", state);
    if (error) set_json_error(state, error);
    return true;
  }

 private:
  simdjson::error_code walk(od::object& object, const std::string& prefix, LineState& state) {
    for (auto field : object) {
      std::string_view raw_key;
      auto error = field.unescaped_key().get(raw_key);
      if (error) return error;
      std::string key = sanitize_parsed_key(raw_key);
      if (key.empty()) continue;
      std::string name = prefix.empty() ? key : prefix + "_" + key;
      od::value value = field.value();
      od::json_type type;
      error = value.type().get(type);
      if (error) return error;
      switch (type) {
        case od::json_type::object: {
          od::object inner;
          error = value.get_object().get(inner);
          if (!error) error = walk(inner, name, state);
          if (error) return error;
          break;
        }
        case od::json_type::string: {
          std::string_view s;
          error = value.get_string().get(s);
          if (error) return error;
          set(state, name, s);
          break;
        }
        case od::json_type::number: {
          std::string_view raw = trim(value.raw_json_token());
          set(state, name, raw);
          break;
        }
        case od::json_type::boolean: {
          bool b;
          error = value.get_bool().get(b);
          if (error) return error;
          set(state, name, b ? "true" : "false");
          break;
        }
        default:
          break;  // arrays and nulls are not extracted
      }
    }
    return simdjson::SUCCESS;
  }

  static void set(LineState& state, const std::string& name, std::string_view value) {
    std::string label = name;
    if (state.labels.base_has(label)) label += "_extracted";
    state.labels.set(LabelCategory::kParsed, label, value);
  }

  od::parser parser_;
  PaddedLine line_;
};

// `| unpack`: the string fields of a JSON object; "_entry" becomes the line.
class UnpackParser final : public PipelineStage {
 public:
  bool process(LineState& state) override {
    line_.assign(state.line);
    od::document doc;
    auto error = line_.iterate(parser_).get(doc);
    od::object object;
    if (!error) error = doc.get_object().get(object);
    std::string entry;
    bool has_entry = false;
    if (!error) {
      for (auto field : object) {
        std::string_view key, value;
        if ((error = field.unescaped_key().get(key))) break;
        od::value v = field.value();
        od::json_type type;
        if ((error = v.type().get(type))) break;
        if (type != od::json_type::string) continue;
        if ((error = v.get_string().get(value))) break;
        if (key == "_entry") {
          entry = std::string(value);
          has_entry = true;
          continue;
        }
        std::string name = parsed_label_name(key, state.labels);
        if (!name.empty()) state.labels.set(LabelCategory::kParsed, name, value);
      }
    }
    if (error) {
      set_json_error(state, error);
      return true;
    }
    if (has_entry) state.set_line(std::move(entry));
    return true;
  }

 private:
  od::parser parser_;
  PaddedLine line_;
};

std::string pointer_of(const std::vector<JsonPathStep>& path) {
  std::string out;
  for (const auto& step : path) {
    out += '/';
    if (step.is_index) {
      out += std::to_string(step.index);
      continue;
    }
    for (char c : step.key) {
      if (c == '~') out += "~0";
      else if (c == '/') out += "~1";
      else out += c;
    }
  }
  return out;
}

// `| json a="b.c"`: chosen paths; a missing path gives an empty label.
class JsonExpressionParser final : public PipelineStage {
 public:
  struct Target {
    std::string label;
    std::string pointer;
  };
  explicit JsonExpressionParser(std::vector<Target> targets) : targets_(std::move(targets)) {}

  bool process(LineState& state) override {
    if (state.line.empty()) return true;
    char first = state.line[0];
    if (first != '{' && first != '[' && first != '"') {
      state.labels.set_error(kJsonParserError, "");
      return true;
    }
    line_.assign(state.line);
    for (const Target& t : targets_) {
      std::string label = t.label;
      if (state.labels.base_has(label)) label += "_extracted";
      od::document doc;
      auto error = line_.iterate(parser_).get(doc);
      std::string value;
      if (!error) error = extract(doc, t.pointer, value);
      if (error == simdjson::NO_SUCH_FIELD || error == simdjson::INDEX_OUT_OF_BOUNDS ||
          error == simdjson::INCORRECT_TYPE) {
        if (!state.labels.get(t.label)) state.labels.set(LabelCategory::kParsed, t.label, "");
        continue;
      }
      if (error) {
        set_json_error(state, error);
        return true;
      }
      state.labels.set(LabelCategory::kParsed, label, value);
    }
    return true;
  }

 private:
  static simdjson::error_code extract(od::document& doc, const std::string& pointer, std::string& out) {
    od::value v;
    auto error = doc.at_pointer(pointer).get(v);
    if (error) return error;
    od::json_type type;
    if ((error = v.type().get(type))) return error;
    std::string_view s;
    switch (type) {
      case od::json_type::string:
        error = v.get_string().get(s);
        out = std::string(s);
        return error;
      case od::json_type::object: {
        od::object o;
        if ((error = v.get_object().get(o))) return error;
        error = o.raw_json().get(s);
        out = std::string(s);
        return error;
      }
      case od::json_type::array: {
        od::array a;
        if ((error = v.get_array().get(a))) return error;
        error = a.raw_json().get(s);
        out = std::string(s);
        return error;
      }
      case od::json_type::null:
        out.clear();
        return simdjson::SUCCESS;
      default:
        out = std::string(trim(v.raw_json_token()));
        return simdjson::SUCCESS;
    }
  }

  std::vector<Target> targets_;
  od::parser parser_;
  PaddedLine line_;
};

}  // namespace

Result<std::vector<JsonPathStep>> parse_json_path(std::string_view e) {
  std::vector<JsonPathStep> path;
  auto bad = [&] { return Status::invalid("cannot parse expression [" + std::string(e) + "]: syntax error"); };
  size_t i = 0;
  if (i < e.size() && e[i] == '.') ++i;
  while (i < e.size()) {
    if (e[i] == '[') {
      size_t close = e.find(']', i);
      if (close == std::string_view::npos) return bad();
      std::string_view inner = e.substr(i + 1, close - i - 1);
      JsonPathStep step;
      if (!inner.empty() && (inner[0] == '"' || inner[0] == '\'')) {
        if (inner.size() < 2 || inner.back() != inner[0]) return bad();
        step.key = std::string(inner.substr(1, inner.size() - 2));
      } else {
        if (inner.empty()) return bad();
        for (char c : inner)
          if (!std::isdigit(static_cast<unsigned char>(c))) return bad();
        step.is_index = true;
        step.index = std::stoul(std::string(inner));
      }
      path.push_back(std::move(step));
      i = close + 1;
      if (i < e.size() && e[i] == '.') ++i;
      continue;
    }
    size_t end = i;
    while (end < e.size() && e[end] != '.' && e[end] != '[') ++end;
    if (end == i) return bad();
    JsonPathStep step;
    step.key = std::string(e.substr(i, end - i));
    path.push_back(std::move(step));
    i = end;
    if (i < e.size() && e[i] == '.') {
      ++i;
      if (i == e.size()) return bad();
    }
  }
  if (path.empty()) return bad();
  return path;
}

std::unique_ptr<PipelineStage> make_json_parser() { return std::make_unique<JsonParser>(); }
std::unique_ptr<PipelineStage> make_unpack_parser() { return std::make_unique<UnpackParser>(); }

Result<std::unique_ptr<PipelineStage>> make_json_expression_parser(const std::vector<Extraction>& extractions) {
  std::vector<JsonExpressionParser::Target> targets;
  for (const auto& x : extractions) {
    auto path = parse_json_path(x.expression);
    if (!path.is_ok()) return path.status();
    if (!is_valid_label_name(x.label)) return Status::invalid("invalid extracted label name '" + x.label + "'");
    targets.push_back({x.label, pointer_of(*path)});
  }
  return std::unique_ptr<PipelineStage>(std::make_unique<JsonExpressionParser>(std::move(targets)));
}

}  // namespace weft::logql
