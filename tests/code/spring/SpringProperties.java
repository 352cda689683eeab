import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks Spring Boot YAML files strictly against the libraries on the classpath: every key must belong to a
 * configuration-properties group or property listed in a jar's META-INF/spring-configuration-metadata.json, and each
 * group's keys must bind to its class with Spring Boot's own Binder and NoUnboundElementsBindHandler (an unknown nested
 * key or a value that does not convert fails). Prints "FAIL <file> <key>: <message>" per problem.
 */
public final class SpringProperties {
    private SpringProperties() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> groups = new HashMap<>();
        Map<String, Boolean> properties = new HashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        ClassLoader loader = SpringProperties.class.getClassLoader();
        for (String name : List.of("META-INF/spring-configuration-metadata.json", "META-INF/additional-spring-configuration-metadata.json")) {
            Enumeration<URL> urls = loader.getResources(name);
            while (urls.hasMoreElements()) {
                try (InputStream in = urls.nextElement().openStream()) {
                    JsonNode root = json.readTree(in);
                    for (JsonNode g : root.path("groups")) {
                        if (g.hasNonNull("type")) {
                            groups.putIfAbsent(g.get("name").asString(), g.get("type").asString());
                        }
                    }
                    for (JsonNode p : root.path("properties")) {
                        properties.put(p.get("name").asString(), true);
                    }
                }
            }
        }
        int failures = 0;
        for (String file : args) {
            Map<String, Map<String, Object>> byGroup = new LinkedHashMap<>();
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new FileSystemResource(file))) {
                EnumerablePropertySource<?> e = (EnumerablePropertySource<?>) source;
                for (String key : e.getPropertyNames()) {
                    String canonical = ConfigurationPropertyName.adapt(key, '.').toString();
                    String group = groups.keySet().stream()
                            .filter(g -> canonical.startsWith(g + ".") || canonical.startsWith(g + "["))
                            .max((a, b) -> a.length() - b.length()).orElse(null);
                    if (properties.containsKey(canonical)) {
                        // a property of its own (it may also sit inside a group, which binds it again below)
                    } else if (group == null) {
                        failures++;
                        System.out.println("FAIL " + file + " " + key + ": no library on the classpath defines this property");
                        continue;
                    }
                    if (group != null) {
                        byGroup.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(key, e.getProperty(key));
                    }
                }
            }
            for (Map.Entry<String, Map<String, Object>> entry : byGroup.entrySet()) {
                Class<?> type = Class.forName(groups.get(entry.getKey()), false, loader);
                Binder binder = new Binder(new MapConfigurationPropertySource(entry.getValue()));
                try {
                    binder.bind(entry.getKey(), Bindable.of(type), new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
                } catch (BindException ex) {
                    failures++;
                    Throwable cause = ex.getCause();
                    String detail = cause instanceof UnboundConfigurationPropertiesException u
                            ? "unknown to " + type.getName() + ": " + u.getUnboundProperties().stream().map(p -> p.getName().toString()).toList()
                            : ex.getMessage() + (cause == null ? "" : ": " + cause.getMessage());
                    System.out.println("FAIL " + file + " " + entry.getKey() + ": " + detail);
                }
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
