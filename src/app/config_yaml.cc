// Loading settings from a YAML file: nested maps flatten into dotted keys.
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "app/config.h"

namespace weft::app {

namespace {

std::string where(std::string_view origin, const YAML::Node& node) {
  return std::string(origin) + ":" + std::to_string(node.Mark().line + 1);
}

Status apply_node(Config& config, const std::string& prefix, const YAML::Node& node,
                  std::string_view origin) {
  for (const auto& entry : node) {
    std::string key = prefix + entry.first.as<std::string>();
    const YAML::Node& value = entry.second;
    if (value.IsMap()) {
      WEFT_RETURN_IF_ERROR(apply_node(config, key + ".", value, origin));
      continue;
    }
    if (!value.IsScalar() && !value.IsNull())
      return Status::invalid(where(origin, value) + ": " + key + ": expected a single value");
    std::string text = value.IsNull() ? "" : value.Scalar();
    Status s = apply_setting(config, key, text);
    if (!s.is_ok()) return Status::invalid(where(origin, entry.first) + ": " + s.message());
  }
  return Status::ok();
}

}  // namespace

Status load_config_yaml(Config& config, std::string_view yaml, std::string_view origin) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    return Status::invalid(std::string(origin) + ":" + std::to_string(e.mark.line + 1) +
                           ": not valid YAML: " + e.msg);
  }
  if (root.IsNull()) return Status::ok();
  if (!root.IsMap()) return Status::invalid(std::string(origin) + ": expected a map of settings");
  return apply_node(config, "", root, origin);
}

Status load_config_file(Config& config, const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::invalid("cannot read config file " + path);
  std::stringstream text;
  text << in.rdbuf();
  return load_config_yaml(config, text.str(), path);
}

}  // namespace weft::app
