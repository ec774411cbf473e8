// Order events through the queue: the producer side in orders and the notification worker that
// consumes them and e-mails the customer, in a trace of its own linked to the producer.
#include <algorithm>

#include "demo/service_handlers.h"

namespace weft::demo {

namespace {

constexpr const char* kQueue = "order-events";
constexpr int kPartitions = 6;

struct Message {
  std::string id;
  int64_t partition;
  int64_t offset;
};

void set_messaging(TraceBuilder& tb, SpanRef span, const Message& m, const char* operation) {
  tb.set(span, "messaging.system", "kafka");
  tb.set(span, "messaging.destination.name", kQueue);
  tb.set(span, "messaging.operation.type", operation);
  tb.set(span, "messaging.operation.name", operation);
  tb.set(span, "messaging.message.id", m.id);
  tb.set(span, "messaging.destination.partition.id", std::to_string(m.partition));
  tb.set(span, "messaging.kafka.offset", m.offset);
}

// The notification worker handling one message: renders and sends an e-mail.
void consume(RequestContext& ctx, SpanRef consumer, const Order& order,
             const std::string& event_type, UnixNanos start) {
  TraceBuilder& tb = ctx.trace;
  tb.log(consumer, start, LogLevel::kDebug, "received " + event_type + " for order " + order.id,
         {{"order.id", order.id}, {"event.type", event_type}});
  UnixNanos t = internal_work(ctx, consumer, "render email", 3.0, start,
                              {{"email.template", event_type}});
  CallOutcome sent = external_call(
      ctx, consumer, {"api.mailer.example", "POST", "/v3/mail/send", 80, 0.6, 5000, 0.006}, t);
  t = sent.end + cpu_time(ctx);
  Attributes attrs = {{"order.id", order.id},
                      {"email.template", event_type},
                      {"email.to", ctx.customer.email}};
  if (!sent.ok()) {
    attrs.push_back({"error.message", sent.error});
    tb.log(consumer, t, LogLevel::kError, "could not e-mail " + ctx.customer.email + ": " + sent.error,
           std::move(attrs));
    tb.fail(consumer, "e-mail not sent: " + sent.error);
  } else {
    tb.log(consumer, t, LogLevel::kInfo,
           "sent " + event_type + " e-mail to " + ctx.customer.name + " <" + ctx.customer.email +
               ">",
           std::move(attrs));
  }
  tb.end(consumer, t);
}

}  // namespace

UnixNanos publish_order_event(RequestContext& ctx, SpanRef parent, const Order& order,
                              const std::string& event_type, UnixNanos start) {
  TraceBuilder& tb = ctx.trace;
  Message m{fake_id(ctx.rng, "msg-", 12), static_cast<int64_t>(ctx.rng.below(kPartitions)),
            static_cast<int64_t>(ctx.rng.between(100000, 9999999))};
  SpanRef producer = tb.start_child(parent, tb.instance_of(parent),
                                    std::string("send ") + kQueue, SpanKind::kProducer, start);
  set_messaging(tb, producer, m, "send");
  tb.set(producer, "messaging.kafka.message.key", order.id);
  tb.set(producer, "event.type", event_type);
  UnixNanos sent = start + millis(ctx.rng.lognormal(1.2, 0.6));
  tb.end(producer, sent);

  // The worker picks the message up after a queueing delay, in a trace of its own.
  const Instance& worker = ctx.topology.pick(ServiceId::kNotification, ctx.env, ctx.rng);
  TraceBuilder consumer_trace(ctx.rng, ctx.spans, ctx.logs, ctx.customer.user_id);
  RequestContext consumer_ctx{ctx.topology, ctx.episodes, ctx.rng, consumer_trace, ctx.spans,
                              ctx.logs,     ctx.env,      ctx.customer};
  UnixNanos picked_up = sent + millis(std::min(ctx.rng.lognormal(20, 1.0), 30000.0));
  SpanRef consumer = consumer_trace.start_root(
      worker, std::string("process ") + kQueue, SpanKind::kConsumer, picked_up,
      {tb.link_to(producer, {{"messaging.operation.type", "send"}})});
  set_messaging(consumer_trace, consumer, m, "process");
  consumer_trace.set(consumer, "messaging.consumer.group.name", "notification");
  consume(consumer_ctx, consumer, order, event_type, picked_up);
  return sent;
}

}  // namespace weft::demo
