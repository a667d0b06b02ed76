package no.studietur.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;

class StoreConnectionsTest {

    @Test
    void connectionsAreKeptOpenAndSeveralOpenedAtOnceWhateverTheConnectionStringSays() {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:27017/catalog?maxConnecting=2"));

        new MessagingAutoConfiguration().storeConnectionsReady().customize(settings);

        var pool = settings.build().getConnectionPoolSettings();
        assertThat(pool.getMinSize()).isEqualTo(MessagingAutoConfiguration.STORE_CONNECTIONS_KEPT_OPEN).isPositive();
        assertThat(pool.getMaxConnecting()).isEqualTo(MessagingAutoConfiguration.STORE_CONNECTIONS_OPENED_AT_ONCE)
                .isGreaterThan(2);
        assertThat(pool.getMaxSize()).isGreaterThanOrEqualTo(pool.getMinSize());
    }
}
