import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;
import org.apache.kafka.server.config.AbstractKafkaConfig;
import org.apache.kafka.storage.internals.log.LogConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Prints, as JSON, every configuration the Kafka jars on the classpath define, with its type and its default as the
 * documentation renders it: {"producer": {"linger.ms": {"type": "LONG", "default": "5"}, ...}, ...}.
 * The page defaults (src/data/kafka-defaults.yaml) and the .properties blocks are checked against this.
 */
public final class KafkaConfigs {
    private KafkaConfigs() {
    }

    public static void main(String[] args) {
        Map<String, ConfigDef> defs = new LinkedHashMap<>();
        defs.put("producer", ProducerConfig.configDef());
        defs.put("consumer", ConsumerConfig.configDef());
        defs.put("admin", AdminClientConfig.configDef());
        defs.put("streams", StreamsConfig.configDef());
        defs.put("broker", AbstractKafkaConfig.CONFIG_DEF);
        defs.put("topic", LogConfig.configDefCopy());
        StringBuilder out = new StringBuilder("{");
        defs.forEach((kind, def) -> {
            out.append(out.length() > 1 ? "," : "").append(quote(kind)).append(":{");
            int n = 0;
            for (ConfigDef.ConfigKey key : def.configKeys().values()) {
                String dflt = key.defaultValue == ConfigDef.NO_DEFAULT_VALUE ? null
                        : ConfigDef.convertToString(key.defaultValue, key.type);
                out.append(n++ > 0 ? "," : "").append(quote(key.name)).append(":{\"type\":").append(quote(key.type.name()))
                        .append(",\"default\":").append(dflt == null ? "null" : quote(dflt)).append('}');
            }
            out.append('}');
        });
        // The built-in authorizer's settings are broker settings outside CONFIG_DEF.
        out.append(",\"authorizer\":{").append(quote(StandardAuthorizer.SUPER_USERS_CONFIG)).append(":{\"type\":\"LIST\",\"default\":\"\"},")
                .append(quote(StandardAuthorizer.ALLOW_EVERYONE_IF_NO_ACL_IS_FOUND_CONFIG)).append(":{\"type\":\"BOOLEAN\",\"default\":\"false\"}}");
        System.out.println(out.append('}'));
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
