#include "storage/wal/wal_reader.h"

#include <algorithm>
#include <system_error>

#include "storage/wal/wal_format.h"

namespace weft::storage {

namespace wf = wal_format;

Result<std::vector<SegmentFile>> list_segments(const std::filesystem::path& dir) {
  std::vector<SegmentFile> out;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::optional<uint64_t> seq = wf::parse_segment_file_name(it->path().filename().string());
    if (seq) out.push_back({*seq, it->path()});
  }
  if (ec) return Status::io_error("list " + dir.string() + ": " + ec.message());
  std::sort(out.begin(), out.end(),
            [](const SegmentFile& a, const SegmentFile& b) { return a.sequence < b.sequence; });
  return out;
}

namespace {

SegmentScan damaged(SegmentScan scan, SegmentDamage damage, const char* reason) {
  scan.damage = damage;
  scan.reason = reason;
  return scan;
}

SegmentScan check_header(std::string_view data) {
  SegmentScan scan;
  if (data.size() < wf::kSegmentHeaderSize) return damaged(scan, SegmentDamage::kTornHeader, "short segment header");
  std::string_view header = data.substr(0, wf::kSegmentHeaderSize);
  if (header.find_first_not_of('\0') == std::string_view::npos)
    return damaged(scan, SegmentDamage::kTornHeader, "zero-filled segment header");
  wf::SegmentHeader expected = wf::encode_segment_header();
  if (header.substr(0, wf::kMagic.size()) != wf::kMagic)
    return damaged(scan, SegmentDamage::kBadHeader, "bad magic");
  if (wf::get_u32(header.data() + 8) != wf::kVersion)
    return damaged(scan, SegmentDamage::kBadHeader, "unsupported version");
  if (header != std::string_view(expected.data(), expected.size()))
    return damaged(scan, SegmentDamage::kBadHeader, "header checksum mismatch");
  scan.good_bytes = wf::kSegmentHeaderSize;
  return scan;
}

// Why the entry at data[offset..] is bad, or nullptr when it is good (then *length is set).
const char* check_entry(std::string_view data, uint64_t offset, uint32_t* length) {
  std::string_view rest = data.substr(offset);
  if (rest.size() < wf::kEntryHeaderSize) return "short entry header";
  uint32_t n = wf::get_u32(rest.data());
  uint32_t checksum = wf::get_u32(rest.data() + 4);
  if (n == 0 && checksum == 0) return "zero-filled tail";
  if (n == 0) return "zero entry length";
  if (n > wf::kMaxEntryBytes) return "entry length over maximum";
  if (n > rest.size() - wf::kEntryHeaderSize) return "entry length past end of segment";
  if (wf::entry_checksum(rest.substr(wf::kEntryHeaderSize, n)) != checksum) return "checksum mismatch";
  *length = n;
  return nullptr;
}

}  // namespace

SegmentScan scan_segment(std::string_view data, const std::function<void(std::string_view)>& fn) {
  if (data.empty()) return {};
  SegmentScan scan = check_header(data);
  if (scan.damage != SegmentDamage::kNone) return scan;
  while (scan.good_bytes < data.size()) {
    uint32_t length = 0;
    if (const char* why = check_entry(data, scan.good_bytes, &length))
      return damaged(scan, SegmentDamage::kBadEntry, why);
    fn(data.substr(scan.good_bytes + wf::kEntryHeaderSize, length));
    scan.good_bytes += wf::kEntryHeaderSize + length;
    ++scan.entries;
  }
  return scan;
}

}  // namespace weft::storage
