#include "server/http/listener.h"

#include <boost/asio/post.hpp>

#include "common/log.h"
#include "server/http/listen_address.h"

namespace weft::server {

namespace net = boost::asio;
using tcp = net::ip::tcp;

Result<std::shared_ptr<Listener>> Listener::open(net::io_context& io, const tcp::endpoint& endpoint,
                                                 AcceptHandler on_accept) {
  auto listener = std::make_shared<Listener>(io, std::move(on_accept));
  Status status = listener->bind(endpoint);
  if (!status) return status;
  return listener;
}

Listener::Listener(net::io_context& io, AcceptHandler on_accept)
    : io_(io),
      on_accept_(std::move(on_accept)),
      strand_(net::make_strand(io)),
      acceptor_(strand_),
      retry_timer_(strand_) {}

Status Listener::bind(const tcp::endpoint& endpoint) {
  boost::system::error_code ec;
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (!ec) local_ = acceptor_.local_endpoint(ec);
  if (ec) return Status::io_error("listen " + format_endpoint(endpoint) + ": " + ec.message());
  return Status::ok();
}

void Listener::start() {
  net::post(strand_, [self = shared_from_this()] { self->accept(); });
}

std::future<void> Listener::close() {
  auto closed = std::make_shared<std::promise<void>>();
  net::post(strand_, [self = shared_from_this(), closed] {
    self->close_now();
    closed->set_value();
  });
  return closed->get_future();
}

void Listener::close_now() {
  boost::system::error_code ec;
  acceptor_.close(ec);
  retry_timer_.cancel();
}

void Listener::accept() {
  if (!acceptor_.is_open()) return;
  acceptor_.async_accept(net::make_strand(io_),
                         [self = shared_from_this()](boost::system::error_code ec, tcp::socket s) {
                           self->on_accept(ec, std::move(s));
                         });
}

void Listener::on_accept(boost::system::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;
  if (ec) {
    log::warn("accept failed", {{"address", format_endpoint(local_)}, {"error", ec.message()}});
    retry_timer_.expires_after(std::chrono::milliseconds(100));
    retry_timer_.async_wait([self = shared_from_this()](boost::system::error_code e) {
      if (!e) self->accept();
    });
    return;
  }
  on_accept_(std::move(socket));
  accept();
}

}  // namespace weft::server
