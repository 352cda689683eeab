import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the Kafka pages claim about transactions and producer settings, asserted against the test broker on
 * localhost:9092. Prints "OK <claim>" or "FAIL <claim>: <what happened>" per claim; exits 1 on any failure.
 * The optional argument names the compiled transaction loop block (harness kafka-eos-loop), which runs end to end.
 */
public final class KafkaScenarios {
    private static int failures;

    private KafkaScenarios() {
    }

    public static void main(String[] args) throws Exception {
        claim("an aborted transaction is invisible to a read_committed consumer, visible to read_uncommitted", () -> {
            try (KafkaProducer<String, String> p = producer(props -> props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "scenario-abort"))) {
                p.initTransactions();
                p.beginTransaction();
                p.send(new ProducerRecord<>("txn-check", "k", "aborted"));
                p.flush();
                p.abortTransaction();
                p.beginTransaction();
                p.send(new ProducerRecord<>("txn-check", "k", "committed"));
                p.commitTransaction();
            }
            List<String> committed = read("txn-check", "read_committed", 1);
            List<String> uncommitted = read("txn-check", "read_uncommitted", 2);
            return committed.equals(List.of("committed")) && uncommitted.equals(List.of("aborted", "committed"))
                    ? null : "read_committed saw " + committed + ", read_uncommitted saw " + uncommitted;
        });
        claim("the idempotent settings SafeProducer shows (acks=all, enable.idempotence=true) are accepted", () -> {
            try (KafkaProducer<String, String> p = producer(props -> {
                props.put(ProducerConfig.ACKS_CONFIG, "all");
                props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
            })) {
                p.send(new ProducerRecord<>("idempotence-check", "k", "v")).get();
            }
            return null;
        });
        claim("acks=1 with enable.idempotence=true set explicitly fails at start-up with a ConfigException",
                () -> rejected(props -> {
                    props.put(ProducerConfig.ACKS_CONFIG, "1");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                }));
        claim("acks=1 without enable.idempotence is accepted (idempotence is turned off silently)", () -> {
            try (KafkaProducer<String, String> p = producer(props -> props.put(ProducerConfig.ACKS_CONFIG, "1"))) {
                p.send(new ProducerRecord<>("idempotence-check", "k", "v")).get();
            }
            return null;
        });
        claim("max.in.flight.requests.per.connection=6 fails with a ConfigException when idempotence is on by default",
                () -> rejected(props -> props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 6)));
        if (args.length > 0 && !args[0].isEmpty()) {
            Method loop = Class.forName(args[0]).getDeclaredMethod("loop", KafkaProducer.class, KafkaConsumer.class);
            loop.setAccessible(true);
            claim("the exactly-once loop (ExactlyOnceProcessor.java) copies orders to orders-enriched in committed transactions", () -> {
                KafkaProducer<String, String> p = producer(props -> props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "scenario-eos"));
                KafkaConsumer<String, String> c = consumer("scenario-eos", "read_committed");
                Thread t = new Thread(() -> {
                    try {
                        loop.invoke(null, p, c);
                    } catch (ReflectiveOperationException e) {
                        System.out.println("FAIL the loop threw " + (e.getCause() == null ? e : e.getCause()));
                    }
                });
                t.setDaemon(true);
                t.start();
                // Exactly once: one enriched copy of every record on orders, no more, no fewer.
                List<String> in = read("orders", "read_committed", 1);
                List<String> out = read("orders-enriched", "read_committed", in.size());
                return out.size() == in.size() && out.stream().allMatch(v -> v.endsWith("(enriched)"))
                        ? null : "orders held " + in.size() + " records, orders-enriched held " + out;
            });
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    interface Check {
        String run() throws Exception;
    }

    private static void claim(String claim, Check check) {
        String problem;
        try {
            problem = check.run();
        } catch (Exception e) {
            problem = "threw " + e;
        }
        if (problem == null) {
            System.out.println("OK " + claim);
        } else {
            failures++;
            System.out.println("FAIL " + claim + ": " + problem);
        }
    }

    private static String rejected(Consumer<Properties> settings) {
        try (KafkaProducer<String, String> p = producer(settings)) {
            return "the producer started (" + p.metrics().size() + " metrics)";
        } catch (ConfigException e) {
            return null;
        } catch (org.apache.kafka.common.KafkaException e) {
            return e.getCause() instanceof ConfigException ? null : "threw " + e + " instead of a ConfigException";
        }
    }

    private static KafkaProducer<String, String> producer(Consumer<Properties> settings) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.accept(props);
        return new KafkaProducer<>(props);
    }

    private static KafkaConsumer<String, String> consumer(String group, String isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    /** Values read from the start of a topic until `expected` arrived and 3 more seconds passed, or 30 s. */
    private static List<String> read(String topic, String isolation, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> c = consumer("scenario-" + topic + "-" + isolation, isolation)) {
            c.subscribe(List.of(topic));
            long end = System.currentTimeMillis() + 30_000;
            long quietUntil = Long.MAX_VALUE;
            while (System.currentTimeMillis() < Math.min(end, quietUntil)) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
                if (values.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.currentTimeMillis() + 3_000;
                }
            }
        }
        return values;
    }
}
