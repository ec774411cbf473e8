#include "server/http/responses.h"

#include "common/json_writer.h"

namespace weft::server {

HttpResponse json_response(http::status status, std::string body) {
  return make_response(status, kJsonContentType, std::move(body));
}

HttpResponse json_error(http::status status, std::string_view message, std::string_view parameter) {
  JsonWriter w;
  w.begin_object();
  w.key("error");
  w.value(message);
  if (!parameter.empty()) {
    w.key("parameter");
    w.value(parameter);
  }
  w.end_object();
  return json_response(status, w.take());
}

HttpResponse text_response(http::status status, std::string body) {
  return make_response(status, "text/plain; charset=utf-8", std::move(body));
}

}  // namespace weft::server
