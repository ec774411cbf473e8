// Listener: one listening TCP socket; accepts connections and hands each to its AcceptHandler
// (the HTTP server starts an HttpSession, the stream listeners a StreamConnection), every
// connection's socket on its own strand.
//
// Thread safety: open() and start() from the owner before/after the io threads run; close()
// from any thread.
#pragma once

#include <functional>
#include <future>
#include <memory>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include "common/status.h"

namespace weft::server {

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  // Takes an accepted connection; runs on the listener's strand, must not block.
  using AcceptHandler = std::function<void(boost::asio::ip::tcp::socket socket)>;

  // Binds and listens. kIoError naming the address when it cannot bind (port in use, ...).
  static Result<std::shared_ptr<Listener>> open(boost::asio::io_context& io,
                                                const boost::asio::ip::tcp::endpoint& endpoint,
                                                AcceptHandler on_accept);

  Listener(boost::asio::io_context& io, AcceptHandler on_accept);

  // Starts accepting (runs on the io threads).
  void start();
  // Stops accepting (on the io threads; the future is ready once done). Established
  // connections are not touched.
  std::future<void> close();
  // The same, directly: only once the io threads have stopped.
  void close_now();
  // The bound address (with the real port when port 0 was asked for).
  const boost::asio::ip::tcp::endpoint& local_endpoint() const { return local_; }

 private:
  Status bind(const boost::asio::ip::tcp::endpoint& endpoint);
  void accept();
  void on_accept(boost::system::error_code ec, boost::asio::ip::tcp::socket socket);

  boost::asio::io_context& io_;
  AcceptHandler on_accept_;
  boost::asio::strand<boost::asio::io_context::executor_type> strand_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer retry_timer_;  // backs off after an accept error (EMFILE, ...)
  boost::asio::ip::tcp::endpoint local_;
};

}  // namespace weft::server
