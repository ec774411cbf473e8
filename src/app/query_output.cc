#include "app/query_output.h"

#include <simdjson.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/json_writer.h"
#include "common/time.h"

namespace weft::app {

namespace {

namespace dom = simdjson::dom;
using Labels = std::vector<std::pair<std::string, std::string>>;

Labels labels_of(dom::object obj) {
  Labels out;
  for (auto field : obj) out.emplace_back(std::string(field.key), std::string(std::string_view(field.value)));
  std::sort(out.begin(), out.end());
  return out;
}

std::string labels_text(const Labels& labels) {
  std::string out = "{";
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i) out += ", ";
    out += labels[i].first + "=";
    append_json_string(out, labels[i].second);
  }
  return out + "}";
}

struct Entry {
  int64_t time;
  const Labels* labels;
  std::string line;
};

Status print_streams(dom::array result, QueryOutput output, bool forward, std::ostream& out) {
  std::vector<Labels> labels;
  std::vector<Entry> entries;
  for (dom::element s : result) labels.push_back(labels_of(s["stream"].get_object()));
  size_t i = 0;
  for (dom::element s : result) {
    for (dom::element v : s["values"].get_array()) {
      dom::array pair = v.get_array();
      std::string_view ts = pair.at(0).get_string();
      entries.push_back({std::stoll(std::string(ts)), &labels[i], std::string(std::string_view(pair.at(1)))});
    }
    ++i;
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [&](const Entry& a, const Entry& b) { return forward ? a.time < b.time : a.time > b.time; });
  for (const Entry& e : entries) {
    if (output == QueryOutput::kJsonLines) {
      JsonWriter w;
      w.begin_object();
      w.key("timestamp");
      w.value(format_rfc3339_nanos(e.time));
      w.key("labels");
      w.begin_object();
      for (const auto& [k, v] : *e.labels) {
        w.key(k);
        w.value(v);
      }
      w.end_object();
      w.key("line");
      w.value(e.line);
      w.end_object();
      out << w.str() << "\n";
    } else {
      out << format_rfc3339_nanos(e.time) << " " << labels_text(*e.labels) << " " << e.line << "\n";
    }
  }
  return Status::ok();
}

std::string time_text(dom::element t) {
  double seconds = t.get_double();
  return format_rfc3339_nanos(static_cast<int64_t>(seconds * 1000.0 + (seconds >= 0 ? 0.5 : -0.5)) * 1000000);
}

// A table: a header of label names, then one row per series and point.
Status print_table(dom::array result, bool vector, std::ostream& out) {
  std::set<std::string> names;
  for (dom::element s : result)
    for (auto field : s["metric"].get_object()) names.insert(std::string(field.key));
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header = {"TIME"};
  header.insert(header.end(), names.begin(), names.end());
  header.push_back("VALUE");
  rows.push_back(header);
  for (dom::element s : result) {
    Labels labels = labels_of(s["metric"].get_object());
    std::map<std::string, std::string> by_name(labels.begin(), labels.end());
    auto add_row = [&](dom::array point) {
      std::vector<std::string> row = {time_text(point.at(0))};
      for (const auto& n : names) row.push_back(by_name.count(n) ? by_name[n] : "");
      row.push_back(std::string(std::string_view(point.at(1))));
      rows.push_back(std::move(row));
    };
    if (vector) add_row(s["value"].get_array());
    else
      for (dom::element p : s["values"].get_array()) add_row(p.get_array());
  }
  std::vector<size_t> width(header.size(), 0);
  for (const auto& r : rows)
    for (size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], r[c].size());
  for (const auto& r : rows) {
    for (size_t c = 0; c < r.size(); ++c) {
      out << r[c];
      if (c + 1 < r.size()) out << std::string(width[c] - r[c].size() + 2, ' ');
    }
    out << "\n";
  }
  return Status::ok();
}

}  // namespace

Status print_query_response(std::string_view body, QueryOutput output, bool forward, std::ostream& out) {
  dom::parser parser;
  dom::element doc;
  if (parser.parse(body.data(), body.size()).get(doc)) return Status::invalid("the response is not JSON");
  dom::element data;
  std::string_view type;
  if (doc["data"].get(data) || data["resultType"].get_string().get(type))
    return Status::invalid("the response has no data.resultType");
  try {
    if (type == "streams") return print_streams(data["result"].get_array(), output, forward, out);
    if (type == "vector") return print_table(data["result"].get_array(), true, out);
    if (type == "matrix") return print_table(data["result"].get_array(), false, out);
    if (type == "scalar") {
      dom::array point = data["result"].get_array();
      out << time_text(point.at(0)) << "  " << std::string_view(point.at(1)) << "\n";
      return Status::ok();
    }
  } catch (const simdjson::simdjson_error& e) {
    return Status::invalid(std::string("unexpected response shape: ") + e.what());
  }
  return Status::invalid("unknown resultType " + std::string(type));
}

}  // namespace weft::app
