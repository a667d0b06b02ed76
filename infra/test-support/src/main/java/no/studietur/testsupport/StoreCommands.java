package no.studietur.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.bson.BsonDocument;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * The commands the application sends its store, as its driver starts them: for tests that count what a piece of
 * work costs the store (writes, claims, scans). Only each command's name, collection and filter are kept.
 */
@TestConfiguration
public class StoreCommands {

    public record Command(String name, String collection, BsonDocument filter) {

        public boolean is(String commandName, String collectionName) {
            return name.equals(commandName) && collectionName.equals(collection);
        }

        /** The filter names this id, as a look-up or a claim of one message does. */
        public boolean names(String id) {
            return filter.containsKey("_id") && filter.get("_id").isString()
                    && filter.getString("_id").getValue().equals(id);
        }
    }

    private static final List<Command> STARTED = new CopyOnWriteArrayList<>();

    @Bean
    public MongoClientSettingsBuilderCustomizer recordStoreCommands() {
        return settings -> settings.addCommandListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonDocument command = event.getCommand();
                String name = event.getCommandName();
                String collection = command.isString(name) ? command.getString(name).getValue() : "";
                BsonDocument filter = command.isDocument("filter") ? command.getDocument("filter")
                        : command.isDocument("query") ? command.getDocument("query") : new BsonDocument();
                // a copy: the driver reads the command from a buffer it reuses once the command has gone out
                STARTED.add(new Command(name, collection, BsonDocument.parse(filter.toJson())));
            }
        });
    }

    /** How many commands so far matched; compare before and after the work to count. */
    public static long count(Predicate<Command> matching) {
        return STARTED.stream().filter(matching).count();
    }
}
