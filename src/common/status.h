// Status and Result<T>: how weft reports expected failures.
//
// Expected failures (bad input, a full queue, a missing file) are values, not exceptions.
// A Status carries a code and a human message meant for the caller; Result<T> carries
// either a value or a non-OK Status. Corruption of on-disk data has its own code so the
// caller can tell it from bad input.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace weft {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,   // the caller sent something malformed or out of range
  kNotFound,
  kResourceExhausted, // over a limit or over budget: retry later (backpressure)
  kTooLarge,          // a body or value over a configured size limit
  kUnsupported,       // a content type or feature weft does not accept
  kCorruption,        // on-disk data failed a checksum or is structurally broken
  kIoError,
  kUnavailable,       // shutting down or not ready
  kInternal,          // a broken invariant: a bug
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok() { return {}; }
  static Status invalid(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status not_found(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status exhausted(std::string m) { return {StatusCode::kResourceExhausted, std::move(m)}; }
  static Status too_large(std::string m) { return {StatusCode::kTooLarge, std::move(m)}; }
  static Status unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status io_error(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
  static Status internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool is_ok() const { return code_ == StatusCode::kOk; }
  explicit operator bool() const { return is_ok(); }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid argument: <message>", for logs.
  std::string to_string() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

const char* status_code_name(StatusCode code);

// Either a T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}   // NOLINT: implicit by design

  bool is_ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return is_ok(); }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Status& status() const {
    static const Status kOk;
    return is_ok() ? kOk : std::get<Status>(v_);
  }

 private:
  std::variant<T, Status> v_;
};

}  // namespace weft

// Returns early from the enclosing function when `expr` is a non-OK Status.
#define WEFT_RETURN_IF_ERROR(expr)            \
  do {                                        \
    ::weft::Status weft_status_ = (expr);     \
    if (!weft_status_.is_ok()) return weft_status_; \
  } while (0)
