#include "ingest/syslog/syslog_decoder.h"

#include <charconv>

#include "ingest/syslog/rfc3164_parser.h"
#include "ingest/syslog/rfc5424_parser.h"

namespace weft::ingest {

namespace {

std::string_view trim_trailer(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == '\0'))
    text.remove_suffix(1);
  return text;
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t") == std::string_view::npos;
}

LogRecord& new_record(UnixNanos now, LogBatch& out) {
  LogRecord& record = out.records.emplace_back();
  record.observed_time_unix_nano = now;
  record.scope = ResourceCache::empty_scope();
  return record;
}

void set_priority(const SyslogPriority& priority, LogRecord& record) {
  record.severity_number = syslog_severity_number(priority.severity);
  record.severity_text = syslog_severity_text(priority.severity);
  record.attributes.push_back({"syslog.facility", priority.facility});
}

void add_procid(std::string_view procid, Attributes& attributes) {
  if (procid.empty()) return;
  int64_t pid = 0;
  auto [end, ec] = std::from_chars(procid.data(), procid.data() + procid.size(), pid);
  if (ec == std::errc() && end == procid.data() + procid.size() && pid >= 0)
    attributes.push_back({"process.pid", pid});
  else
    attributes.push_back({"syslog.procid", std::string(procid)});
}

void add_structured_data(std::vector<SdElement>& elements, Attributes& attributes) {
  for (SdElement& element : elements) {
    if (element.params.empty()) attributes.push_back({std::string(element.id), true});
    for (SdParam& param : element.params) {
      std::string key;
      key.reserve(element.id.size() + 1 + param.name.size());
      key.append(element.id).append(1, '.').append(param.name);
      attributes.push_back({std::move(key), std::move(param.value)});
    }
  }
}

}  // namespace

Status parse_syslog_message(std::string_view text, UnixNanos now, SyslogMessage& out) {
  if (looks_like_rfc5424(text)) return parse_rfc5424(text, out);
  return parse_rfc3164(text, now, out);
}

Status SyslogDecoder::decode_frame(std::string_view frame, UnixNanos now, LogBatch& out) {
  frame = trim_trailer(frame);
  if (is_blank(frame)) return Status::ok();
  Status parsed = parse_syslog_message(frame, now, message_);
  if (parsed.is_ok())
    append_parsed(now, out);
  else
    append_unparsed(frame, parsed, now, out);
  return Status::ok();
}

void SyslogDecoder::append_parsed(UnixNanos now, LogBatch& out) {
  const SyslogMessage& m = message_;
  LogRecord& record = new_record(now, out);
  record.time_unix_nano = m.time;
  record.resource = resources_.get(m.app_name, m.hostname);
  record.attributes.reserve(3 + m.structured_data.size());
  if (m.priority) set_priority(*m.priority, record);
  add_procid(m.procid, record.attributes);
  if (!m.msgid.empty()) record.attributes.push_back({"syslog.msgid", std::string(m.msgid)});
  add_structured_data(message_.structured_data, record.attributes);
  if (!m.message.empty()) record.body = std::string(m.message);
}

void SyslogDecoder::append_unparsed(std::string_view frame, const Status& why, UnixNanos now,
                                    LogBatch& out) {
  LogRecord& record = new_record(now, out);
  record.resource = resources_.get({}, {});
  if (auto pri = parse_syslog_priority(frame)) set_priority(pri->priority, record);
  record.attributes.push_back({"syslog.parse_error", why.message()});
  record.body = std::string(frame);
}

}  // namespace weft::ingest
