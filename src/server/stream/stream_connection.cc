#include "server/stream/stream_connection.h"

#include <boost/asio/buffer.hpp>
#include <boost/asio/post.hpp>

#include "common/log.h"

namespace weft::server {

namespace {

constexpr size_t kReadBytes = 64 << 10;

}  // namespace

StreamConnection::StreamConnection(boost::asio::ip::tcp::socket socket, const StreamDoor& door)
    : door_(door),
      socket_(std::move(socket)),
      framer_(door.service.framing, door.service.max_frame_bytes),
      batcher_(std::make_shared<StreamBatcher>(socket_.get_executor(), door.door,
                                               door.service.tenant, door.service.make_decoder(),
                                               door.limits)) {}

StreamConnection::~StreamConnection() { door_.registry.remove(this); }

void StreamConnection::start() {
  if (!door_.registry.add(shared_from_this())) return;  // stopping: close at once
  // While paused no read holds the connection: this callback does, until finish() drops it.
  batcher_->on_room([self = shared_from_this()] {
    if (!self->paused_) return;
    self->paused_ = false;
    self->read();
  });
  boost::asio::post(socket_.get_executor(), [self = shared_from_this()] { self->read(); });
}

void StreamConnection::read() {
  if (stopping_ || finished_) return finish();
  if (batcher_->full()) {
    paused_ = true;
    return;
  }
  std::span<char> area = framer_.write_area(kReadBytes);
  reading_ = true;
  socket_.async_read_some(boost::asio::buffer(area.data(), area.size()),
                          [self = shared_from_this()](boost::system::error_code ec, size_t n) {
                            self->on_read(ec, n);
                          });
}

void StreamConnection::on_read(boost::system::error_code ec, size_t bytes) {
  reading_ = false;
  if (bytes > 0) {
    door_.door.received(bytes);
    framer_.commit(bytes);
    take_frames();
  }
  if (ec) {
    if (ec != boost::asio::error::eof && ec != boost::asio::error::operation_aborted)
      log::debug("stream connection read failed",
                 {{"door", door_.service.name}, {"error", ec.message()}});
    return finish();
  }
  read();
}

void StreamConnection::take_frames() {
  while (auto frame = framer_.next()) take(*frame);
}

void StreamConnection::take(const ingest::Frame& frame) {
  if (frame.kind == ingest::Frame::Kind::kTooLarge) {
    door_.door.refused(RejectReason::kTooLarge, 1, frame.wire_bytes);
    log::debug("stream frame over the size limit skipped",
               {{"door", door_.service.name}, {"bytes", frame.wire_bytes}});
    return;
  }
  batcher_->add(frame.bytes, frame.wire_bytes);
}

void StreamConnection::finish() {
  if (finished_) return;
  finished_ = true;
  batcher_->on_room(nullptr);
  if (auto frame = framer_.finish()) take(*frame);
  boost::system::error_code ignored;
  socket_.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);
  batcher_->close([self = shared_from_this()] {});  // keeps the connection until drained
}

void StreamConnection::stop() {
  boost::asio::post(socket_.get_executor(), [self = shared_from_this()] {
    self->stopping_ = true;
    if (self->reading_) {
      boost::system::error_code ignored;
      self->socket_.cancel(ignored);  // on_read finishes
    } else {
      self->finish();
    }
  });
}

void StreamConnection::abandon() {
  boost::asio::post(socket_.get_executor(), [self = shared_from_this()] {
    self->finish();
    self->batcher_->abandon();
  });
}

}  // namespace weft::server
