package no.studietur.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/** A service's additions to the shared access rules, e.g. another way to authenticate. */
@FunctionalInterface
public interface AccessCustomizer {

    void customize(HttpSecurity http) throws Exception;
}
