// The DELETES file: every accepted delete request and its status (docs/format/deletes.md).
//
// Like the MANIFEST it is one line of JSON and a checksum line, replaced atomically (write
// DELETES.tmp, sync, rename, sync the directory): a request is accepted only once the file
// naming it is durable, and a crash leaves the old or the new file. A file that fails its
// checksum stops the store from opening (kCorruption naming it): forgetting a delete would
// bring deleted records back.
//
// Thread safety: plain values and free functions; the Store serializes writers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/deletes/delete_request.h"
#include "storage/fs/fs.h"

namespace weft::storage {

struct DeleteLog {
  uint64_t next_id = 1;
  std::vector<DeleteRequest> requests;  // in acceptance order
};

std::string encode_delete_log(const DeleteLog& log);
Result<DeleteLog> decode_delete_log(std::string_view text, const std::filesystem::path& path);

// The DELETES file of `data_dir`; an empty log when there is none.
Result<DeleteLog> read_delete_log(Fs& fs, const std::filesystem::path& data_dir);
Status write_delete_log(Fs& fs, const std::filesystem::path& data_dir, const DeleteLog& log);

}  // namespace weft::storage
